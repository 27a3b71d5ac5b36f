-- Closes a gap in 0008's guard: its trigger lets a live booking that keeps its places through unchecked,
-- even when the old row was a pending request or a held offer already past its deadline, whose places
-- may since have gone to someone else (approving or accepting it late would then oversell). The commands
-- refuse that under the booking's lock; this trigger makes the database refuse it too. It locks the slot
-- only in that lapsed case, so the ordinary approve and accept add no lock. Switched off with the slot
-- guard (kaimen.slot_guard = 'off'), like 0008's.
CREATE OR REPLACE FUNCTION kaimen_check_lapsed_booking_revived() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  s record;
BEGIN
  IF coalesce(current_setting('kaimen.slot_guard', true), '') = 'off' THEN RETURN NEW; END IF;
  IF NOT (OLD.status IN ('held', 'pending') AND OLD.expires_at <= now()) THEN RETURN NEW; END IF;
  IF NOT (NEW.status = 'confirmed' OR (NEW.status IN ('held', 'pending') AND NEW.expires_at > now())) THEN
    RETURN NEW;
  END IF;
  SELECT capacity, school_allocation, allocation_release_at INTO s FROM slots WHERE id = NEW.slot_id FOR UPDATE;
  IF NOT kaimen_slot_places_fit(NEW.slot_id, s.capacity, s.school_allocation, s.allocation_release_at,
                                NEW.id, NEW.school_places, NEW.public_places) THEN
    RAISE EXCEPTION 'slot % has not enough places for lapsed booking %', NEW.slot_id, NEW.id USING ERRCODE = 'KM001';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER bookings_lapsed_revived_guard BEFORE UPDATE ON bookings
  FOR EACH ROW EXECUTE FUNCTION kaimen_check_lapsed_booking_revived();
