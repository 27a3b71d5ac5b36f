-- The database's own guard of PRODUCT.md's first rule: the places live bookings take never exceed a
-- slot's capacity, nor its school allocation, nor (before the allocation's release) the public share.
-- The booking commands lock the slot and allocate within it; this trigger re-checks every row that
-- takes places, under the same slot lock, so no path (a bug, a script, a race) can oversell. A pending
-- request or a held offer takes places only until its expires_at. The positive control of the race
-- tests switches it off for its own connections with the setting kaimen.slot_guard = 'off'.
CREATE OR REPLACE FUNCTION kaimen_slot_places_fit(
  p_slot uuid, p_capacity integer, p_allocation integer, p_release timestamptz,
  p_exclude uuid, p_add_school integer, p_add_public integer
) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
  taken_school integer;
  taken_public integer;
BEGIN
  SELECT coalesce(sum(b.school_places), 0), coalesce(sum(b.public_places), 0)
    INTO taken_school, taken_public
    FROM bookings b
   WHERE b.slot_id = p_slot
     AND (p_exclude IS NULL OR b.id <> p_exclude)
     AND (b.status = 'confirmed' OR (b.status IN ('held', 'pending') AND b.expires_at > now()));
  taken_school := taken_school + p_add_school;
  taken_public := taken_public + p_add_public;
  RETURN taken_school + taken_public <= p_capacity
     AND taken_school <= p_allocation
     AND (p_release IS NULL OR now() >= p_release OR taken_public <= p_capacity - p_allocation);
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION kaimen_check_booking_places() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  s record;
BEGIN
  IF coalesce(current_setting('kaimen.slot_guard', true), '') = 'off' THEN RETURN NEW; END IF;
  IF NEW.status NOT IN ('held', 'pending', 'confirmed') THEN RETURN NEW; END IF;
  -- A live booking that keeps or shrinks its places in its slot cannot overfill it.
  IF TG_OP = 'UPDATE' AND OLD.status IN ('held', 'pending', 'confirmed') AND NEW.slot_id = OLD.slot_id
     AND NEW.school_places <= OLD.school_places AND NEW.public_places <= OLD.public_places
     AND (NEW.status = 'confirmed' OR NEW.expires_at <= OLD.expires_at OR OLD.status = 'confirmed') THEN
    RETURN NEW;
  END IF;
  SELECT capacity, school_allocation, allocation_release_at INTO s FROM slots WHERE id = NEW.slot_id FOR UPDATE;
  IF NOT kaimen_slot_places_fit(NEW.slot_id, s.capacity, s.school_allocation, s.allocation_release_at,
                                NEW.id, NEW.school_places, NEW.public_places) THEN
    RAISE EXCEPTION 'slot % has not enough places for booking %', NEW.slot_id, NEW.id USING ERRCODE = 'KM001';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER bookings_places_guard BEFORE INSERT OR UPDATE ON bookings
  FOR EACH ROW EXECUTE FUNCTION kaimen_check_booking_places();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION kaimen_check_slot_cut() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('kaimen.slot_guard', true), '') = 'off' THEN RETURN NEW; END IF;
  IF NEW.capacity = OLD.capacity AND NEW.school_allocation = OLD.school_allocation
     AND NEW.allocation_release_at IS NOT DISTINCT FROM OLD.allocation_release_at THEN
    RETURN NEW;
  END IF;
  IF NOT kaimen_slot_places_fit(NEW.id, NEW.capacity, NEW.school_allocation, NEW.allocation_release_at, NULL, 0, 0) THEN
    RAISE EXCEPTION 'slot % would hold fewer places than its bookings take', NEW.id USING ERRCODE = 'KM002';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER slots_places_guard BEFORE UPDATE OF capacity, school_allocation, allocation_release_at ON slots
  FOR EACH ROW EXECUTE FUNCTION kaimen_check_slot_cut();
