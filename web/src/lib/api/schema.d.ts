/**
 * Generated from web/src/lib/api/openapi.json by `npm run api:generate`. Do not edit by hand.
 */

export interface paths {
  '/api/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Liveness and database check
     * @description Asks the database each time. 503 DATABASE_UNAVAILABLE with Retry-After while the database cannot be reached (a restart, a failover), as every other route answers then.
     */
    get: operations['getHealth'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/config': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Client configuration
     * @description `basemap_style_url` is null when the offline base map is used.
     */
    get: operations['getClientConfig'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/venues': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Search venues
     * @description Near a point (nearest first, with `distance_m`), in a box, by name substring, kind and free admission for minors. Send `Accept: application/geo+json` for a GeoJSON FeatureCollection.
     */
    get: operations['searchVenues'];
    put?: never;
    /**
     * Create a venue; it stays a draft until the bureau of its district approves it
     * @description `lng`/`lat` are in `crs` (default wgs84; Amap and Tencent give gcj02, Baidu bd09) and are stored as WGS-84. Without `adcode` the district is found from the point; a given `adcode` must agree with the point at the level the shipped boundaries have (400 ADCODE_MISMATCH).
     *
     *     Requires the role venue_manager or admin.
     */
    post: operations['createVenue'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/venues/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One venue
     * @description Everything the venue page shows: hours, admission for minors, accessibility, group policy, designations, provenance.
     */
    get: operations['getVenue'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Edit a venue's profile; moving the point marks it checked
     * @description Send only the fields that change; null clears an optional one. `lng`/`lat` (in `crs`, default wgs84) move the point: a manager placing it on the true entrance makes it exact (`coord_precision` high, `location_checked_at` set). The district follows the point (a given `adcode` that does not agree with it: 400 ADCODE_MISMATCH). A verified venue renamed, put in another district or moved more than 500 m goes back to the bureau (`verification_status` pending, with a review note), and both districts' bureaus see the audit entry. A suspended venue cannot be moved (409 VENUE_SUSPENDED).
     *
     *     Requires the role venue_manager or admin.
     */
    patch: operations['updateVenue'];
    trace?: never;
  };
  '/api/bookings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * My bookings, newest first
     * @description Requires a signed-in account.
     */
    get: operations['listMyBookings'];
    put?: never;
    /**
     * Book places in a slot for a family or a school group
     * @description All or nothing: a party that does not fit whole answers 409 SOLD_OUT (its details say how many places are left and whether the waitlist is open). A group of a verified school's confirmed teacher takes school-allocation places first until their release, then public ones where the slot allows. `status` is `pending` when the slot wants the venue’s approval (group requests by default): the places are held until the venue decides or `expires_at`. Children are counts by age band; no name is asked for or stored.
     *
     *     Requires a signed-in account.
     */
    post: operations['createBooking'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bookings/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A booking, for its booker, the venue’s managers and the school’s admins
     * @description Requires a signed-in account.
     */
    get: operations['getBooking'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bookings/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Cancel a booking: the booker until the slot’s deadline, the venue at any time
     * @description Frees its places once; a second cancel answers 409 BOOKING_NOT_LIVE. After `cancel_until` 409 CANCELLATION_CLOSED.
     *
     *     Requires a signed-in account.
     */
    post: operations['cancelBooking'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bookings/{id}/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Accept a waitlist offer: the held places become a booking (the booker)
     * @description `confirmed`, or `pending` when the slot wants the venue’s approval. Accepting again answers the booking as it is; after the offer’s `expires_at` 409 OFFER_EXPIRED (its places went to the next entry); a booking that is not an offer 409 NOT_AN_OFFER.
     *
     *     Requires a signed-in account.
     */
    post: operations['acceptOffer'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bookings/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Approve a pending request (the venue's managers)
     * @description Requires the role venue_manager or admin.
     */
    post: operations['approveBooking'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bookings/{id}/decline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Decline a pending request with a reason (the venue's managers); its places are freed
     * @description Requires the role venue_manager or admin.
     */
    post: operations['declineBooking'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bookings/{id}/qr.svg': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The booking code as a QR code (SVG), for its booker, the venue and the school’s admins
     * @description The QR code holds exactly the booking code, which POST /api/check-ins takes.
     *
     *     Requires a signed-in account.
     */
    get: operations['getBookingQr'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bookings/{id}/calendar.ics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The booking as iCalendar (Asia/Shanghai), for its booker or whoever holds its code
     * @description Signed in: the booker, the venue and the school’s admins. Not signed in: `?code=` the booking’s code, as the link in every booking message carries it (a wrong code answers 404). A cancelled booking reads STATUS:CANCELLED, a pending one TENTATIVE.
     */
    get: operations['getBookingCalendar'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/check-ins': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Check a booking in by its code, once
     * @description For the managers of the booking’s venue. A confirmed booking of today (Beijing time) is checked in once; a second scan answers 409 ALREADY_CHECKED_IN with when and by whom. 409 CODE_OF_ANOTHER_VENUE (with `venue_id`), CODE_OF_ANOTHER_DAY, BOOKING_NOT_CONFIRMED (pending, cancelled…; `details.status`); 404 BOOKING_CODE_NOT_FOUND; 400 INVALID_BOOKING_CODE. The counts at the door start as the booked party. Honours `Idempotency-Key`.
     *
     *     Requires the role venue_manager or admin.
     */
    post: operations['checkIn'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/check-ins/{booking_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Undo a check-in within five minutes
     * @description The code can be used again. 409 NOT_CHECKED_IN when there is nothing to undo, 409 UNDO_WINDOW_CLOSED after five minutes.
     *
     *     Requires the role venue_manager or admin.
     */
    delete: operations['undoCheckIn'];
    options?: never;
    head?: never;
    /**
     * Correct who came, as counted at the door
     * @description While the booking is checked in (409 NOT_CHECKED_IN otherwise). The counts may differ from the booked party but not exceed the slot’s capacity (400 ARRIVED_TOO_MANY).
     *
     *     Requires the role venue_manager or admin.
     */
    patch: operations['correctArrivals'];
    trace?: never;
  };
  '/api/manage/slots/{id}/bookings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A slot's bookings for its venue, with counts (JSON or CSV)
     * @description Every booking of the slot (cancelled ones too), with per-slot counts of booked, pending, held, waitlisted and checked in. `?format=csv` or `Accept: text/csv` answers a CSV file: UTF-8 with a byte-order mark (Excel reads Chinese), times in Beijing time, cells starting with = + - @ defused.
     *
     *     Requires the role venue_manager or admin.
     */
    get: operations['listSlotBookings'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/slots/{id}/waitlist': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Join a full slot’s waitlist with a family or a school group
     * @description The body is a booking’s without `slot_id`, under the same party rules. Only for a slot full for this party (409 PLACES_AVAILABLE: book instead) whose waitlist is open (409 WAITLIST_CLOSED); one live entry per account and slot (409 ALREADY_WAITLISTED). When places free up, the first entry whose party fits is offered them, held for 12 hours at most (never past the slot’s start): accept with `POST /api/bookings/{id}/accept`.
     *
     *     Requires a signed-in account.
     */
    post: operations['joinWaitlist'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/waitlist': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * My waitlist entries, newest first, with their offers
     * @description Requires a signed-in account.
     */
    get: operations['listMyWaitlist'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/waitlist/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Leave a waitlist; an offer held for you is released to the next entry
     * @description A second leave answers 409 WAITLIST_ENTRY_NOT_LIVE.
     *
     *     Requires a signed-in account.
     */
    delete: operations['leaveWaitlist'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/venues/{id}/calendar.ics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A venue's slots as iCalendar
     * @description The next 120 days of scheduled slots, with an Asia/Shanghai VTIMEZONE.
     */
    get: operations['getVenueCalendar'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/slots': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * What's on: slots near a place in a date range
     * @description Scheduled slots starting in the range at venues matching the same filters as `/api/venues`, in time order.
     */
    get: operations['searchSlots'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/venues/{id}/slots': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A venue's slots with places left per allocation */
    get: operations['getVenueSlots'];
    put?: never;
    /**
     * Publish slots: one (`single`) or a weekly pattern over a date range (`recurring`)
     * @description Times are Asia/Shanghai wall-clock for `recurring`, ISO instants for `single`. `school_allocation` places are held for verified school groups until `allocation_release_hours` before the start, then return to the public. At most 400 slots per request; they appear publicly once the venue is published.
     *
     *     Requires the role venue_manager or admin.
     */
    post: operations['createVenueSlots'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/basemap/{layer}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Offline base-map layer
     * @description Simplified province or prefecture boundaries as GeoJSON (`provinces.geojson`, `prefectures.geojson`), or their names at label points (`labels.geojson`).
     */
    get: operations['getBasemapLayer'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tiles/venues/{z}/{x}/{y}.mvt': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Venue vector tile
     * @description A Mapbox Vector Tile with one layer, `venues`: below zoom 12, clusters on a world-anchored grid (`count`, `cluster`, and `id`/`name` for a cluster of one); from zoom 12, one point per venue (`id`, `name`, `kinds`, `minors_admission`, `coord_precision`). Filters as in `/api/venues`. A tile with no venue answers 204 with no body. Tiles carry an ETag; send `If-None-Match` to get 304.
     */
    get: operations['getVenueTile'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tiles/venues.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * TileJSON of the venue tiles
     * @description TileJSON 3.0.0 for a MapLibre vector source: the tile URL template on the host asked, carrying the filters given, the bounds of the matching venues, and the layer and its fields.
     */
    get: operations['getVenueTileJson'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/districts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Administrative divisions by name, each with a point to centre a search on
     * @description Ranked exact name, then prefix, then contains; provinces before cities before districts. County-level districts have no boundary in the seed data: their point is the middle of their venues (`located: venues`) or their city's label point (`located: parent`).
     */
    get: operations['findDistricts'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/imports/venues': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Import venues from a CSV or GeoJSON file
     * @description Send the file as the body (`text/csv`, or `application/geo+json` with Point features) and a field mapping. The import runs in the background, one job at a time: poll `GET /api/imports/{id}`. Bad rows are skipped and listed with their line; likely duplicates (same name within 100 m of a venue or an earlier row) are listed, not loaded; rows with a mapped source_ref update the venue an earlier import of the same source made. gcj02 and bd09 points are converted to WGS-84; the district (adcode) is the smallest one whose boundary covers the point.
     *
     *     Requires the role admin.
     */
    post: operations['importVenues'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/imports/schools': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Import schools from an official list (CSV or GeoJSON)
     * @description Send the file as the body (`text/csv`, or `application/geo+json` with Point features) and a field mapping, as for venue imports. The job runs in the background: poll `GET /api/imports/{id}`. Bad rows are skipped and listed with their line and code (NAME_REQUIRED, COORDINATES_REQUIRED, UNKNOWN_KIND, INVALID_GRADES, INVALID_VALUE for an unknown adcode or one the point contradicts, OUTSIDE_REGION for a bureau's row outside its region); likely duplicates (same name within 100 m of a school or an earlier row) are listed, not loaded; rows with a mapped source_ref update the school an earlier import of the same source made. The district is the row's adcode, or the smallest one whose boundary covers the point. With verify=true the loaded schools are verified. Imported schools have no admins: a school admin claims one.
     *
     *     Requires the role bureau or admin.
     */
    post: operations['importSchools'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/imports/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * An import job with its progress
     * @description For the account that started it (a bureau its own school imports) and administrators.
     *
     *     Requires the role bureau or admin.
     */
    get: operations['getImport'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/imports/{id}/errors': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * An import's bad rows, in line order
     * @description Each row the job could not load, with its line, a reason to show a person and a stable code.
     *
     *     Requires the role bureau or admin.
     */
    get: operations['listImportErrors'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/imports/{id}/duplicates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * An import's likely duplicates, in line order
     * @description Rows not loaded because a venue or school (or an earlier row of the file) with the same normalised name lies within 100 m.
     *
     *     Requires the role bureau or admin.
     */
    get: operations['listImportDuplicates'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/register': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create an account (parent, teacher, school admin or venue manager); then sign in
     * @description Answers 202 with the same body whether or not the email already has an account, so sign-up tells nobody which addresses have one; the address gets a message either way (a welcome, or "someone tried to sign up; sign in or reset the password"). It does not sign in: POST /api/auth/login with the same email and password does. Teachers join a pending or verified school (its admin approves them; 409 SCHOOL_REJECTED for a rejected one); school admins then register or claim their school; venue managers get an organisation for their venues. Bureau and admin accounts are made by an administrator.
     */
    post: operations['register'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign in with email and password
     * @description A wrong email and a wrong password get the same answer in the same time. Five attempts per account and address in 15 minutes, then 429.
     */
    post: operations['login'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign out: the session is revoked on the server
     * @description Requires a signed-in account.
     */
    post: operations['logout'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The signed-in user, their organisations and schools, and the CSRF token
     * @description Requires a signed-in account.
     */
    get: operations['getMe'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/password-reset': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Ask for a password-reset link by email
     * @description Always answers 202 at once, whether or not the email has an account; the link, valid 30 minutes, goes out through the outbox.
     */
    post: operations['requestPasswordReset'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/password-reset/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Set a new password with a reset link; signs the account out everywhere */
    post: operations['confirmPasswordReset'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/dev/mailbox': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Messages the outbox holds (demo mode only)
     * @description Readable from the machine Kaimen runs on (loopback) or by an admin; 403 DEV_MAILBOX_LOCAL_ONLY from elsewhere.
     */
    get: operations['getDevMailbox'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bureau/queue': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * New venues and schools, and claims of them, waiting for the bureau's decision, oldest first
     * @description A bureau sees its region's (adcode prefix); an admin sees every region.
     *
     *     Requires the role bureau or admin.
     */
    get: operations['getBureauQueue'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bureau/region': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The region the caller oversees, by name
     * @description A bureau's adcode prefix with the division's name from the shipped division codes (and its English name when it is a province); an admin oversees every region (prefix "", no name).
     *
     *     Requires the role bureau or admin.
     */
    get: operations['getBureauRegion'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bureau/venues/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Verify a pending venue: it is published at once
     * @description The venue becomes verified and published (in search, tiles and what's on immediately); its organisation's members are told through the outbox.
     *
     *     Requires the role bureau or admin.
     */
    post: operations['approveVenue'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bureau/venues/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Reject a pending venue with a reason
     * @description The venue stays unpublished; the reason is kept as its review note and sent to its organisation through the outbox.
     *
     *     Requires the role bureau or admin.
     */
    post: operations['rejectVenue'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bureau/venues/{id}/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Mark a listed venue verified: one imported or claimed that no one had reviewed
     * @description For an unverified venue only (a pending one is approved from the queue: 409 VENUE_NOT_UNVERIFIED otherwise). Its publication is unchanged; its organisation's members are told through the outbox. Audited as venue.verify.
     *
     *     Requires the role bureau or admin.
     */
    post: operations['verifyVenue'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bureau/claims/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Approve a claim: the claimant's organisation manages the venue from now on
     * @description Other pending claims of the venue are rejected ("another claim was approved"); every claimant is told through the outbox.
     *
     *     Requires the role bureau or admin.
     */
    post: operations['approveClaim'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bureau/claims/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Reject a claim with a reason
     * @description The claimant is told the reason through the outbox.
     *
     *     Requires the role bureau or admin.
     */
    post: operations['rejectClaim'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/venues/{id}/suspend': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Suspend a venue that breaks the rules, with a reason
     * @description The venue leaves search, tiles and what's on at once; the reason is its review note and goes to its organisation through the outbox.
     *
     *     Requires the role bureau or admin.
     */
    post: operations['suspendVenue'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/venues/{id}/reinstate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Lift a venue suspension, with a note saying why
     * @description A verified (or never-reviewed catalogue) venue is published again; one still pending or rejected returns to draft. The note goes to the venue's organisation through the outbox and is kept in the audit log.
     *
     *     Requires the role bureau or admin.
     */
    post: operations['reinstateVenue'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/programmes/{id}/suspend': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Suspend a programme that breaks the rules (e.g. tutoring disguised as a study trip)
     * @description Its slots leave what's on and the venue's slots at once; the reason goes to the venue's organisation through the outbox.
     *
     *     Requires the role bureau or admin.
     */
    post: operations['suspendProgramme'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/programmes/{id}/reinstate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Lift a programme suspension, with a note saying why: it is published again
     * @description The note goes to the venue's organisation through the outbox and is kept in the audit log.
     *
     *     Requires the role bureau or admin.
     */
    post: operations['reinstateProgramme'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bureau/schools/{id}/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Verify a pending school: its confirmed teachers may use the green channel
     * @description Only a school in the bureau's region (403 OUTSIDE_REGION), with a point and a district (409 SCHOOL_NOT_PLACED). Its admins are told through the outbox.
     *
     *     Requires the role bureau or admin.
     */
    post: operations['verifySchool'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bureau/schools/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Reject a pending school with a reason
     * @description The reason is kept as its review note and sent to its admins through the outbox; teachers can no longer join it.
     *
     *     Requires the role bureau or admin.
     */
    post: operations['rejectSchool'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bureau/school-claims/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Approve a claim of a school: the claimant becomes one of its school admins
     * @description The claimant is told through the outbox.
     *
     *     Requires the role bureau or admin.
     */
    post: operations['approveSchoolClaim'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bureau/school-claims/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Reject a claim of a school with a reason
     * @description The claimant is told the reason through the outbox.
     *
     *     Requires the role bureau or admin.
     */
    post: operations['rejectSchoolClaim'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bureau/venues': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Venues of the caller’s region by name, drafts and suspended ones included
     * @description Requires the role bureau or admin.
     */
    get: operations['listRegionVenues'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bureau/venues/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A venue of the region with all its designations (revoked too) and programmes (suspended too)
     * @description Requires the role bureau or admin.
     */
    get: operations['getRegionVenue'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/venues/{id}/designations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Record an official designation of a venue
     * @description A bureau for venues in its region. A title the venue holds answers 409 DESIGNATION_EXISTS; a revoked title is restored (same id) with the details given.
     *
     *     Requires the role bureau or admin.
     */
    post: operations['createDesignation'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/designations/{id}/revoke': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Revoke a designation
     * @description The venue keeps the record, marked revoked, and no longer matches the designation filter. Send `{}` or `{"reason": "…"}`.
     *
     *     Requires the role bureau or admin.
     */
    post: operations['revokeDesignation'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The audit log, newest first: who changed what, before and after, when
     * @description A bureau sees the entries of its region (their district's adcode starts with its prefix); an admin sees every entry, including those with no district (accounts).
     *
     *     Requires the role admin or bureau.
     */
    get: operations['listAudit'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Accounts by email, searched by part of the email or name, by role and status
     * @description Requires the role admin.
     */
    get: operations['listAccounts'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/users/invitations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Make the account of a bureau officer (region chosen by name) or another admin, and invite them
     * @description The account exists at once; its owner sets the password with a link sent through the outbox, working once for 7 days (the password-reset page). 409 ACCOUNT_EXISTS when the email has an account (change its role instead); 400 REGION_REQUIRED, REGION_NOT_FOR_ROLE, REGION_NOT_FOUND.
     *
     *     Requires the role admin.
     */
    post: operations['inviteAccount'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change an account's role (a bureau's with its region)
     * @description Takes effect on the account’s next request. 409 NOT_YOURSELF for your own account, LAST_ADMIN when no active admin would remain; 404 USER_NOT_FOUND.
     *
     *     Requires the role admin.
     */
    patch: operations['changeAccountRole'];
    trace?: never;
  };
  '/api/admin/users/{id}/deactivate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Deactivate an account: it cannot sign in, and its sessions end at once
     * @description 409 NOT_YOURSELF, LAST_ADMIN, ALREADY_DEACTIVATED; 404 USER_NOT_FOUND. Reactivating it lets it sign in again.
     *
     *     Requires the role admin.
     */
    post: operations['deactivateAccount'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/users/{id}/reactivate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Reactivate a deactivated account (it signs in anew)
     * @description 409 NOT_DEACTIVATED; 404 USER_NOT_FOUND.
     *
     *     Requires the role admin.
     */
    post: operations['reactivateAccount'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/schools': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Find a school by name or near a point (the teacher sign-up picker)
     * @description Pending and verified schools, never rejected ones; each says its verification_status, so the picker can say a school is still waiting for its bureau.
     */
    get: operations['searchSchools'];
    put?: never;
    /**
     * Register a school; it stays pending until the bureau of its district verifies it
     * @description `lng`/`lat` are in `crs` (default wgs84; Amap and Tencent give gcj02, Baidu bd09) and are stored as WGS-84. The district is the one the point lies in; a given `adcode` must agree with the point (400 ADCODE_MISMATCH). A school admin becomes the approved admin of the school.
     *
     *     Requires the role school_admin or admin.
     */
    post: operations['createSchool'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/schools/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One school
     * @description The public form for anyone; the full form (contact, pupil count, the bureau's review note) for the school's approved admins, the bureau of its region and admins. A rejected school is shown only to them.
     */
    get: operations['getSchool'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Edit a school (its approved admins, admins)
     * @description Only the fields given change; null clears an optional one. A verified school renamed, put in another district or moved more than 500 m goes back to pending with a review note saying why; a rejected school that is edited goes back to the bureau.
     *
     *     Requires the role school_admin or admin.
     */
    patch: operations['updateSchool'];
    trace?: never;
  };
  '/api/schools/{id}/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A school's teachers and admins, pending first
     * @description For the school's approved school admins and for admins.
     *
     *     Requires the role school_admin or admin.
     */
    get: operations['listSchoolMembers'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/schools/{id}/bookings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A school's trips: its teachers' group bookings, coming or past
     * @description For the school's approved school admins and for admins: every group booking made for the school, with the teacher who made it (`booker`), the class (grade, pupils, adults), the venue, the time and the status.
     *
     *     Requires the role school_admin or admin.
     */
    get: operations['listSchoolBookings'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/schools/{id}/members/{userId}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Approve a teacher's pending membership: they may book for the school
     * @description The teacher is told through the outbox.
     *
     *     Requires the role school_admin or admin.
     */
    post: operations['approveSchoolMember'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/schools/{id}/members/{userId}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Reject a teacher's pending membership
     * @description The teacher is told through the outbox.
     *
     *     Requires the role school_admin or admin.
     */
    post: operations['rejectSchoolMember'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/manage/schools': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The caller's schools (approved admin memberships), whatever their status, and their claims
     * @description Requires the role school_admin or admin.
     */
    get: operations['listManagedSchools'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/schools/{id}/claims': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Claim a listed school: the bureau of its district decides
     * @description On approval the claimant becomes one of its school admins. 409 CLAIM_PENDING with a claim already waiting, ALREADY_MEMBER for its admins, SCHOOL_REJECTED for a rejected school.
     *
     *     Requires the role school_admin.
     */
    post: operations['claimSchool'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/manage/venues': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The venues of the caller's organisations, whatever their status
     * @description Requires the role venue_manager or admin.
     */
    get: operations['listManagedVenues'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/manage/claims': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Claims of listed venues made for the caller's organisations, newest first (at most 50)
     * @description Waiting ones while the bureau of the venue's district decides, then approved (the venue is in `GET /api/manage/venues`) or rejected with the reason.
     *
     *     Requires the role venue_manager or admin.
     */
    get: operations['listOwnClaims'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/manage/venues/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A venue as its managers edit it, drafts and suspended ones included
     * @description Requires the role venue_manager or admin.
     */
    get: operations['getManagedVenue'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/venues/{id}/claims': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Claim an existing venue for your organisation; the bureau of its district decides
     * @description Requires the role venue_manager.
     */
    post: operations['claimVenue'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/organisations/{id}/staff': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * An organisation's staff and its pending invitations, for its managers
     * @description Requires the role venue_manager or admin.
     */
    get: operations['getOrganisationStaff'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/organisations/{id}/invitations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Invite a colleague by email as co-manager or door staff
     * @description The link goes out through the outbox and works once, for 7 days, for the account with this email (or a sign-up with it). A new invitation to the same email replaces the live one. 409 ALREADY_STAFF.
     *
     *     Requires the role venue_manager or admin.
     */
    post: operations['inviteStaff'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/organisations/{id}/invitations/{invitationId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Withdraw an invitation nobody accepted yet
     * @description 404 INVITATION_NOT_FOUND; 409 INVITATION_USED or INVITATION_REVOKED.
     *
     *     Requires the role venue_manager or admin.
     */
    delete: operations['revokeStaffInvitation'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/organisations/{id}/members/{userId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Remove a member from the staff; their next request is refused
     * @description Yourself too, unless you are the last manager (409 LAST_MANAGER). 404 STAFF_MEMBER_NOT_FOUND.
     *
     *     Requires the role venue_manager or admin.
     */
    delete: operations['removeStaffMember'];
    options?: never;
    head?: never;
    /**
     * Change a member's role
     * @description The organisation keeps at least one manager: 409 LAST_MANAGER. 404 STAFF_MEMBER_NOT_FOUND.
     *
     *     Requires the role venue_manager or admin.
     */
    patch: operations['changeStaffRole'];
    trace?: never;
  };
  '/api/invitations/{token}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * What an invitation link offers: the organisation, the role, the email it is for
     * @description For the invitation page; the token is the secret. 404 INVITATION_NOT_FOUND; 409 INVITATION_USED, INVITATION_REVOKED, INVITATION_EXPIRED.
     */
    get: operations['getStaffInvitation'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/invitations/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Accept an invitation with the signed-in account
     * @description The invitation’s email must be the account’s (403 INVITATION_FOR_ANOTHER_EMAIL). A parent account becomes a venue staff account; other roles cannot join (403 ACCOUNT_CANNOT_JOIN_STAFF). 409 ALREADY_STAFF, INVITATION_USED, INVITATION_REVOKED, INVITATION_EXPIRED; 404 INVITATION_NOT_FOUND.
     *
     *     Requires a signed-in account.
     */
    post: operations['acceptStaffInvitation'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/invitations/sign-up': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign up from an invitation link, with its email, join the staff and sign in
     * @description Sets the session cookie; GET /api/me then answers the account and its CSRF token. 409 EMAIL_TAKEN when the email has an account (sign in and accept instead); the invitation’s refusals as for accepting.
     */
    post: operations['signUpWithStaffInvitation'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/staff/slots': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A day's slots at the venues of the organisations you are on the staff of (door staff too)
     * @description Each with the link to its bookings. 403 NOT_STAFF when the account is on no staff (after being removed, say).
     *
     *     Requires the role venue_manager.
     */
    get: operations['listStaffSlots'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/manage/venues/{id}/slots': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A venue's slots for its managers, cancelled ones included
     * @description Requires the role venue_manager or admin.
     */
    get: operations['listManagedSlots'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/slots/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Cancel a slot, with a reason; everyone booked in it is told through the outbox
     * @description Requires the role venue_manager or admin.
     */
    post: operations['cancelSlot'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/slots/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change a slot's places, booking window, cancellation deadline or title
     * @description Only a slot that has not started and is not cancelled. Cutting capacity or the school allocation (or moving the release so the public share overflows) below places live bookings take answers 409 CAPACITY_BELOW_TAKEN with `details` {limit, taken, asked}, unless `over_capacity` is `cancel_newest`: then the newest bookings over it are cancelled, each whole, their bookers told, and school places over a smaller allocation become public ones where groups may use them. Audited.
     *
     *     Requires the role venue_manager or admin.
     */
    patch: operations['updateSlot'];
    trace?: never;
  };
  '/api/hours/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What an opening_hours string means over the coming days, with holidays and make-up workdays */
    get: operations['previewOpeningHours'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/manage/venues/{id}/programmes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A venue's programmes, suspended ones included
     * @description Requires the role venue_manager or admin.
     */
    get: operations['listManagedProgrammes'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/venues/{id}/programmes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Add a programme to a venue
     * @description Requires the role venue_manager or admin.
     */
    post: operations['createProgramme'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/programmes/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Edit a programme (a suspended one stays suspended until its bureau reinstates it)
     * @description Requires the role venue_manager or admin.
     */
    patch: operations['updateProgramme'];
    trace?: never;
  };
  '/api/venues/{id}/photos': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Upload a photo (multipart `file`, optional `caption`): JPEG, PNG or WebP up to 5 MB
     * @description At most 8000 pixels a side and 40 megapixels (413 PHOTO_TOO_MANY_PIXELS), read from the image header; at most 20 photos a venue, counted under a lock on the venue so concurrent uploads cannot pass it (409 TOO_MANY_PHOTOS).
     *
     *     Requires the role venue_manager or admin.
     */
    post: operations['uploadVenuePhoto'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/venues/{id}/photos/{photoId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Delete a photo
     * @description Requires the role venue_manager or admin.
     */
    delete: operations['deleteVenuePhoto'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/photos/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A venue photo's bytes (photos of unpublished venues only for their managers and bureau) */
    get: operations['getPhoto'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /** @description Every 4xx and 5xx answer has this shape */
    Error: {
      error: {
        /** @description Stable machine code, e.g. VENUE_NOT_FOUND */
        code: string;
        message: string;
        /** @description Facts a client may act on, e.g. SOLD_OUT says whether the waitlist is open */
        details?: {
          [key: string]: unknown;
        };
      };
    };
    PublicSchool: {
      /** Format: uuid */
      id: string;
      name: string;
      name_en: string | null;
      kind:
        | (
            | 'kindergarten'
            | 'primary'
            | 'junior_secondary'
            | 'senior_secondary'
            | 'nine_year'
            | 'twelve_year'
            | 'special_education'
          )
        | (never | null);
      /** @description Grades served, ascending; 0 = kindergarten */
      grades: number[];
      /** @description The school's district */
      adcode: string | null;
      /** @description The district’s Chinese name */
      district_name: string | null;
      /** @description WGS-84 */
      lng: number | null;
      /** @description WGS-84 */
      lat: number | null;
      address_zh: string | null;
      address_en: string | null;
      verification_status: 'pending' | 'verified' | 'rejected';
      /** Format: date-time */
      verified_at: string | null;
      source: string;
      /** Format: date-time */
      created_at: string;
      /** Format: date-time */
      updated_at: string;
    };
    School: {
      /** Format: uuid */
      id: string;
      name: string;
      name_en: string | null;
      kind:
        | (
            | 'kindergarten'
            | 'primary'
            | 'junior_secondary'
            | 'senior_secondary'
            | 'nine_year'
            | 'twelve_year'
            | 'special_education'
          )
        | (never | null);
      /** @description Grades served, ascending; 0 = kindergarten */
      grades: number[];
      /** @description The school's district */
      adcode: string | null;
      /** @description The district’s Chinese name */
      district_name: string | null;
      /** @description WGS-84 */
      lng: number | null;
      /** @description WGS-84 */
      lat: number | null;
      address_zh: string | null;
      address_en: string | null;
      verification_status: 'pending' | 'verified' | 'rejected';
      /** Format: date-time */
      verified_at: string | null;
      source: string;
      /** Format: date-time */
      created_at: string;
      /** Format: date-time */
      updated_at: string;
      pupil_count: number | null;
      /** @description Why the bureau rejected it, or why it went back to review */
      review_note: string | null;
      contact_name: string | null;
      contact_phone: string | null;
      contact_email: string | null;
    };
    Booking: {
      /** Format: uuid */
      id: string;
      /** @description confirmed; pending (waits for the venue until expires_at); held (a waitlist offer); declined, cancelled, slot_cancelled, expired */
      status: 'held' | 'pending' | 'confirmed' | 'declined' | 'cancelled' | 'slot_cancelled' | 'expired';
      /** @description Shown at the door; 8 characters without look-alikes */
      code: string;
      kind: 'family' | 'group';
      /** Format: uuid */
      slot_id: string;
      places: number;
      /** @description Places from the slot's school allocation (the green channel) */
      school_places: number;
      public_places: number;
      adults: number;
      children_by_band: {
        '0-5'?: number;
        '6-12'?: number;
        '13-17'?: number;
      };
      pupils: number;
      grade: number | null;
      access_needs: ('wheelchair' | 'hearing' | 'visual' | 'cognitive')[];
      note: string | null;
      school: {
        /** Format: uuid */
        id: string;
        name: string;
      } | null;
      venue: {
        /** Format: uuid */
        id: string;
        name: string;
        name_en: string | null;
      };
      slot: {
        /** Format: uuid */
        id: string;
        title: string | null;
        /** Format: date-time */
        starts_at: string;
        /** Format: date-time */
        ends_at: string;
      };
      /**
       * Format: date-time
       * @description Until when a pending request or a held offer keeps its places
       */
      expires_at: string | null;
      /** Format: date-time */
      cancel_until: string;
      reason: string | null;
      /** Format: date-time */
      decided_at: string | null;
      /** Format: date-time */
      cancelled_at: string | null;
      /** Format: date-time */
      checked_in_at: string | null;
      arrived_adults: number | null;
      arrived_minors: number | null;
      /** Format: date-time */
      created_at: string;
      /** @description Shown to the venue's and the school's side only */
      booker: {
        name: string;
        email: string;
      } | null;
    };
    VenueSummary: {
      /**
       * Format: uuid
       * @description A venue, programme or slot id (UUID)
       */
      id: string;
      /** @description Chinese name */
      name: string;
      name_en: string | null;
      kinds: (
        | 'museum'
        | 'library'
        | 'science_center'
        | 'memorial_hall'
        | 'art_gallery'
        | 'cultural_center'
        | 'heritage_hall'
        | 'performance_venue'
        | 'sports_venue'
        | 'park'
        | 'national_park'
        | 'youth_palace'
        | 'children_center'
        | 'education_base'
        | 'practice_base'
        | 'camp'
        | 'community_station'
      )[];
      themes: (
        | 'patriotism'
        | 'rule_of_law'
        | 'science'
        | 'culture_heritage'
        | 'arts'
        | 'sports'
        | 'labour'
        | 'nature'
        | 'safety'
        | 'volunteering'
        | 'reading'
        | 'family_education'
      )[];
      lng: number;
      lat: number;
      /** @description Great-circle distance from `near`; null without it */
      distance_m: number | null;
      address: string | null;
      adcode: string | null;
      minors_admission: 'free' | 'discounted' | 'paid' | 'unknown';
      /** @description high ≤ ~200 m, medium ≤ ~1 km, low = district level */
      coord_precision: 'high' | 'medium' | 'low';
    };
    WaitlistEntry: {
      /** Format: uuid */
      id: string;
      /** @description waiting (in the queue); offered (places held for you until offer.expires_at: accept them); booked (accepted); left, expired (the offer lapsed), cancelled (with the slot) */
      status: 'waiting' | 'offered' | 'booked' | 'left' | 'expired' | 'cancelled';
      /** Format: uuid */
      slot_id: string;
      kind: 'family' | 'group';
      places: number;
      adults: number;
      children_by_band: {
        '0-5'?: number;
        '6-12'?: number;
        '13-17'?: number;
      };
      pupils: number;
      grade: number | null;
      access_needs: ('wheelchair' | 'hearing' | 'visual' | 'cognitive')[];
      note: string | null;
      /** Format: uuid */
      school_id: string | null;
      /** @description Place in the queue while waiting (1 = next) */
      position: number | null;
      offer: {
        /** Format: uuid */
        booking_id: string;
        /** Format: date-time */
        expires_at: string;
        /** @description POST here to accept the offer before expires_at */
        accept_path: string;
      } | null;
      /**
       * Format: uuid
       * @description The booking an accepted offer became
       */
      booking_id: string | null;
      venue: {
        /** Format: uuid */
        id: string;
        name: string;
        name_en: string | null;
      };
      slot: {
        /** Format: uuid */
        id: string;
        title: string | null;
        status: 'scheduled' | 'cancelled';
        /** Format: date-time */
        starts_at: string;
        /** Format: date-time */
        ends_at: string;
      };
      /** Format: date-time */
      created_at: string;
    };
    Slot: {
      /**
       * Format: uuid
       * @description A venue, programme or slot id (UUID)
       */
      id: string;
      venue: {
        /**
         * Format: uuid
         * @description A venue, programme or slot id (UUID)
         */
        id: string;
        name: string;
        name_en: string | null;
        lng: number;
        lat: number;
        distance_m: number | null;
      };
      kind: 'open_day' | 'programme';
      /**
       * Format: uuid
       * @description A venue, programme or slot id (UUID)
       */
      programme_id: string | null;
      title: string | null;
      /** Format: date-time */
      starts_at: string;
      /** Format: date-time */
      ends_at: string;
      capacity: number;
      /** @description Places reserved for verified school groups until the release time */
      school_allocation: number;
      /** Format: date-time */
      allocation_release_at: string | null;
      places_left: {
        total: number;
        /** @description Free places anyone may book now */
        public: number;
        /** @description Free places only verified school groups may book now */
        school: number;
      };
      /** Format: date-time */
      booking_opens_at: string | null;
      /** Format: date-time */
      booking_closes_at: string | null;
      /** @description Which bookings wait for the venue's approval: none, groups (school groups' requests) or all */
      approval: 'none' | 'groups' | 'all';
      /** @description Whether a school group may take public places when the school allocation is short or released */
      groups_use_public: boolean;
      /** @description Bookers may cancel until this many hours before the start */
      cancel_hours_before: number;
      /** @description A sample schedule Kaimen generated for a seeded venue, not announced by it */
      is_sample: boolean;
    };
    ImportJob: {
      /**
       * Format: uuid
       * @description An import job id (UUID)
       */
      id: string;
      /** @description What the job loads: venues or schools */
      entity: 'venues' | 'schools';
      /** @description queued → running → done (bad rows do not fail a job) or failed (the job as a whole; see message) */
      status: 'queued' | 'running' | 'done' | 'failed';
      format: 'csv' | 'geojson';
      crs: 'wgs84' | 'gcj02' | 'bd09';
      source: string;
      dry_run: boolean;
      /** @description Schools only: the loaded schools are marked verified */
      verify: boolean;
      /** @description Data rows in the file; null until it has been read */
      total_rows: number | null;
      /** @description Rows handled so far (updated every batch of 500) */
      processed_rows: number;
      inserted: number;
      /** @description Venues (schools) of the same source and source_ref overwritten */
      updated: number;
      /** @description Bad rows, listed by /errors */
      failed_rows: number;
      /** @description Rows not loaded as likely duplicates (same name within 100 m), listed by /duplicates */
      duplicates: number;
      /** @description Why a failed job failed */
      message: string | null;
      /** Format: date-time */
      created_at: string;
      /** Format: date-time */
      started_at: string | null;
      /** Format: date-time */
      finished_at: string | null;
    };
    Me: {
      /** Format: uuid */
      id: string;
      email: string;
      display_name: string;
      role: 'parent' | 'teacher' | 'school_admin' | 'venue_manager' | 'bureau' | 'admin';
      /** @description Bureau accounts: the adcode prefix of their region */
      region_prefix: string | null;
      organisations: {
        /** Format: uuid */
        id: string;
        name: string;
        /** @description manager and co_manager run its venues and staff; door_staff see the day’s bookings and check in */
        staff_role: 'manager' | 'co_manager' | 'door_staff';
      }[];
      schools: {
        /** Format: uuid */
        id: string;
        name: string;
        role: 'teacher' | 'school_admin';
        /** @description The membership: confirmed by a school admin or not */
        status: 'pending' | 'approved' | 'rejected';
        /** @description The school: verified by the bureau of its district or not */
        verification_status: 'pending' | 'verified' | 'rejected';
        /** @description The school's point (WGS-84), to start the map around it */
        lng: number | null;
        lat: number | null;
      }[];
      /** @description Send as X-CSRF-Token on every write made with the session cookie */
      csrf_token: string;
    };
    AdminAccount: {
      /** Format: uuid */
      id: string;
      email: string;
      display_name: string;
      role: 'parent' | 'teacher' | 'school_admin' | 'venue_manager' | 'bureau' | 'admin';
      region: {
        /** @description adcode prefix: 2 digits a province, 4 a city, 6 a district */
        prefix: string;
        name: string;
      } | null;
      is_demo: boolean;
      /** Format: date-time */
      deactivated_at: string | null;
      /** Format: date-time */
      created_at: string;
    };
    VenueRecord: {
      /** Format: uuid */
      id: string;
      name_zh: string;
      name_en: string | null;
      kinds: (
        | 'museum'
        | 'library'
        | 'science_center'
        | 'memorial_hall'
        | 'art_gallery'
        | 'cultural_center'
        | 'heritage_hall'
        | 'performance_venue'
        | 'sports_venue'
        | 'park'
        | 'national_park'
        | 'youth_palace'
        | 'children_center'
        | 'education_base'
        | 'practice_base'
        | 'camp'
        | 'community_station'
      )[];
      themes: (
        | 'patriotism'
        | 'rule_of_law'
        | 'science'
        | 'culture_heritage'
        | 'arts'
        | 'sports'
        | 'labour'
        | 'nature'
        | 'safety'
        | 'volunteering'
        | 'reading'
        | 'family_education'
      )[];
      lng: number;
      lat: number;
      source_crs: 'wgs84' | 'gcj02' | 'bd09';
      coord_precision: 'high' | 'medium' | 'low';
      /** Format: date-time */
      location_checked_at: string | null;
      adcode: string | null;
      district_name: string | null;
      address_zh: string | null;
      address_en: string | null;
      opening_hours: string | null;
      hours_known: boolean;
      minors_admission: 'free' | 'discounted' | 'paid' | 'unknown';
      admission_rule: string | null;
      booking_mode: 'none' | 'online_required' | 'online_optional' | 'group_only' | 'unknown';
      wheelchair: boolean | null;
      hearing: boolean | null;
      visual: boolean | null;
      cognitive: boolean | null;
      phone: string | null;
      website: string | null;
      email: string | null;
      age_min: number | null;
      age_max: number | null;
      grade_min: number | null;
      grade_max: number | null;
      group_min: number | null;
      group_max: number | null;
      group_lead_days: number | null;
      green_channel: boolean | null;
      status: 'published' | 'draft' | 'suspended';
      verification_status: 'unverified' | 'pending' | 'verified' | 'rejected';
      /** @description Why the bureau rejected or suspended the venue */
      review_note: string | null;
      organisation: {
        /** Format: uuid */
        id: string;
        name: string;
      } | null;
      photos: {
        /** Format: uuid */
        id: string;
        url: string;
        content_type: string;
        bytes: number;
        width: number;
        height: number;
        caption: string | null;
      }[];
      /** Format: date-time */
      updated_at: string;
    };
    Programme: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      venue_id: string;
      title_zh: string;
      title_en: string | null;
      description: string | null;
      delivery: string;
      themes: string[];
      grade_min: number | null;
      grade_max: number | null;
      age_min: number | null;
      age_max: number | null;
      duration_minutes: number | null;
      group_min: number | null;
      group_max: number | null;
      price_per_head_fen: number;
      volunteer: boolean;
      status: 'published' | 'draft' | 'suspended';
      review_note: string | null;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  getHealth: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            status: 'ok';
            db: 'pglite' | 'postgres';
            /** @description PostGIS library version */
            postgis: string;
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getClientConfig: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            basemap_style_url: string | null;
          };
        };
      };
    };
  };
  searchVenues: {
    parameters: {
      query?: {
        /**
         * @description A point as "lng,lat" in WGS-84 degrees, e.g. 116.3975,39.9087
         * @example 116.3975,39.9087
         */
        near?: string;
        /** @description Radius around `near` in metres */
        radius_m?: number;
        /**
         * @description A box as "minLng,minLat,maxLng,maxLat" in WGS-84 degrees
         * @example 116.2,39.8,116.5,40.0
         */
        bbox?: string;
        /** @description Substring of the Chinese or English name or of the Chinese name's pinyin, whole or initials (kejiguan, kjg); one character works. A kind or theme word (科技馆, 博物馆, library, science) also finds venues of that kind, after the name matches */
        q?: string;
        /** @description Comma-separated venue kinds, any of: museum, library, science_center, memorial_hall, art_gallery, cultural_center, heritage_hall, performance_venue, sports_venue, park, national_park, youth_palace, children_center, education_base, practice_base, camp, community_station */
        kinds?: string;
        /** @description Comma-separated themes, any of: patriotism, rule_of_law, science, culture_heritage, arts, sports, labour, nature, safety, volunteering, reading, family_education */
        themes?: string;
        free?: 'true' | 'false';
        /** @description true: only venues offering a green channel (绿色通道) for school groups: stated in their group policy, or shown by a coming slot with places set aside for schools */
        green_channel?: 'true' | 'false';
        /** @description true: only venues with a coming slot holding school places now (at least `group_size` when given; on one of the date filter's days when one is given) */
        school_places?: 'true' | 'false';
        /** @description Comma-separated needs the venue is known to meet, all of: wheelchair, hearing, visual, cognitive */
        accessible?: string;
        /** @description A child's age in years */
        age?: number;
        /** @description School grade: 0 kindergarten, 1–6 primary, 7–9 junior, 10–12 senior */
        grade?: number;
        /** @description A class or group of this many people must be admitted */
        group_size?: number;
        /** @description Only venues open that day (YYYY-MM-DD, Asia/Shanghai) */
        open_on?: string;
        /** @description Only venues open on some day from this one (YYYY-MM-DD, Asia/Shanghai) to `open_to` (inclusive; at most 62 days) */
        open_from?: string;
        /** @description The last day of the `open_from` range (inclusive) */
        open_to?: string;
        /** @description Only venues open on the coming Saturday or Sunday (today, at the weekend) */
        weekend?: 'true';
        /** @description Only venues open at this moment (ISO date-time with a zone) */
        open_at?: string;
        /** @description With a date filter, also keep venues whose opening hours are unknown */
        include_unknown_hours?: 'true';
        /** @description An official title the venue holds, e.g. 全国科普教育基地; `any` for any title */
        designation?: string;
        /** @description distance (needs near; the default with near), relevance (needs q; exact name, then prefix, then contains; the default with q and no near), name (the default otherwise) */
        sort?: 'distance' | 'relevance' | 'name';
        limit?: number;
        /** @description `next_cursor` of the previous page */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page of venues */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['VenueSummary'][];
            next_cursor: string | null;
            /** @description With a date filter: how many venues matched everything else but were left out because their opening hours are unknown (send include_unknown_hours=true to keep them); null otherwise */
            unknown_hours_excluded: number | null;
          };
          'application/geo+json': {
            /** @enum {string} */
            type: 'FeatureCollection';
            features: {
              /** @enum {string} */
              type: 'Feature';
              id: string;
              geometry: {
                /** @enum {string} */
                type: 'Point';
                coordinates: number[];
              };
              properties: components['schemas']['VenueSummary'];
            }[];
            next_cursor: string | null;
            /** @description With a date filter: how many venues matched everything else but were left out because their opening hours are unknown (send include_unknown_hours=true to keep them); null otherwise */
            unknown_hours_excluded: number | null;
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  createVenue: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name_zh: string;
          name_en?: string | null;
          kinds: (
            | 'museum'
            | 'library'
            | 'science_center'
            | 'memorial_hall'
            | 'art_gallery'
            | 'cultural_center'
            | 'heritage_hall'
            | 'performance_venue'
            | 'sports_venue'
            | 'park'
            | 'national_park'
            | 'youth_palace'
            | 'children_center'
            | 'education_base'
            | 'practice_base'
            | 'camp'
            | 'community_station'
          )[];
          themes?: (
            | 'patriotism'
            | 'rule_of_law'
            | 'science'
            | 'culture_heritage'
            | 'arts'
            | 'sports'
            | 'labour'
            | 'nature'
            | 'safety'
            | 'volunteering'
            | 'reading'
            | 'family_education'
          )[];
          address_zh?: string | null;
          address_en?: string | null;
          /** @description GB/T 2260 district code */
          adcode?: string;
          opening_hours?: string | null;
          minors_admission?: 'free' | 'discounted' | 'paid' | 'unknown';
          admission_rule?: string | null;
          booking_mode?: 'none' | 'online_required' | 'online_optional' | 'group_only' | 'unknown';
          wheelchair?: boolean | null;
          hearing?: boolean | null;
          visual?: boolean | null;
          cognitive?: boolean | null;
          phone?: string | null;
          /** Format: website */
          website?: string | null;
          email?: string | null;
          age_min?: number | null;
          age_max?: number | null;
          grade_min?: number | null;
          grade_max?: number | null;
          group_min?: number | null;
          group_max?: number | null;
          group_lead_days?: number | null;
          green_channel?: boolean | null;
          lng: number;
          lat: number;
          crs?: 'wgs84' | 'gcj02' | 'bd09';
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VenueRecord'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getVenue: {
    parameters: {
      query?: {
        /** @description Evaluate the hours at this moment (ISO date-time with a zone) instead of now */
        at?: string;
      };
      header?: never;
      path: {
        /** @description A venue, programme or slot id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /**
             * Format: uuid
             * @description A venue, programme or slot id (UUID)
             */
            id: string;
            name: string;
            name_en: string | null;
            kinds: string[];
            themes: string[];
            lng: number;
            lat: number;
            address: string | null;
            address_en: string | null;
            adcode: string | null;
            district: {
              adcode: string;
              name: string;
              city: string | null;
              province: string;
            } | null;
            /** @description Coordinate system the point arrived in; stored as WGS-84 */
            source_crs: string;
            coord_precision: string;
            /** @description OSM opening_hours syntax, Asia/Shanghai */
            opening_hours: string | null;
            minors_admission: string;
            admission_rule: string | null;
            booking_mode: string;
            accessibility: {
              wheelchair: boolean | null;
              hearing: boolean | null;
              visual: boolean | null;
              cognitive: boolean | null;
            };
            contacts: {
              phone: string | null;
              website: string | null;
              email: string | null;
            };
            /** @description Ages and grades the venue suits; null means no limit on that side */
            suitability: {
              age_min: number | null;
              age_max: number | null;
              grade_min: number | null;
              grade_max: number | null;
            };
            /** @description Open now, and the coming 7 days (Asia/Shanghai) with holidays; unknown hours are never shown as open or closed */
            hours: {
              known: boolean;
              state: 'open' | 'closed' | 'unknown';
              /** Format: date-time */
              opens_at: string | null;
              /** Format: date-time */
              closes_at: string | null;
              /** @description False when the holiday calendar does not cover these days' year */
              calendar_covered: boolean;
              days: {
                /** Format: date */
                date: string;
                weekday: string;
                holiday: string | null;
                workday_for: string | null;
                intervals:
                  | {
                      start: string;
                      end: string;
                    }[]
                  | null;
              }[];
            };
            group_policy: {
              min_size: number | null;
              max_size: number | null;
              lead_days: number | null;
              green_channel: boolean | null;
            };
            designations: {
              title: string;
              issuer: string | null;
              level: string;
              year: number | null;
              revoked: boolean;
            }[];
            verification_status: string;
            provenance: {
              source: string;
              source_ref: string | null;
              note: string | null;
              /** Format: date-time */
              updated_at: string;
            };
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  updateVenue: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description A venue, programme or slot id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name_zh?: string;
          name_en?: string | null;
          kinds?: (
            | 'museum'
            | 'library'
            | 'science_center'
            | 'memorial_hall'
            | 'art_gallery'
            | 'cultural_center'
            | 'heritage_hall'
            | 'performance_venue'
            | 'sports_venue'
            | 'park'
            | 'national_park'
            | 'youth_palace'
            | 'children_center'
            | 'education_base'
            | 'practice_base'
            | 'camp'
            | 'community_station'
          )[];
          themes?: (
            | 'patriotism'
            | 'rule_of_law'
            | 'science'
            | 'culture_heritage'
            | 'arts'
            | 'sports'
            | 'labour'
            | 'nature'
            | 'safety'
            | 'volunteering'
            | 'reading'
            | 'family_education'
          )[];
          address_zh?: string | null;
          address_en?: string | null;
          /** @description GB/T 2260 district code */
          adcode?: string;
          opening_hours?: string | null;
          minors_admission?: 'free' | 'discounted' | 'paid' | 'unknown';
          admission_rule?: string | null;
          booking_mode?: 'none' | 'online_required' | 'online_optional' | 'group_only' | 'unknown';
          wheelchair?: boolean | null;
          hearing?: boolean | null;
          visual?: boolean | null;
          cognitive?: boolean | null;
          phone?: string | null;
          /** Format: website */
          website?: string | null;
          email?: string | null;
          age_min?: number | null;
          age_max?: number | null;
          grade_min?: number | null;
          grade_max?: number | null;
          group_min?: number | null;
          group_max?: number | null;
          group_lead_days?: number | null;
          green_channel?: boolean | null;
          lng?: number;
          lat?: number;
          crs?: 'wgs84' | 'gcj02' | 'bd09';
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VenueRecord'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  listMyBookings: {
    parameters: {
      query?: {
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Booking'][];
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  createBooking: {
    parameters: {
      query?: never;
      header?: {
        /** @description Retry-safe: the same key and body get the same answer (kept at least 24 hours) */
        'idempotency-key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    /** @description A family or a school group */
    requestBody: {
      content: {
        'application/json':
          | {
              /** Format: uuid */
              slot_id: string;
              /** @enum {string} */
              kind: 'family';
              /** @description Grown-ups coming (at least one) */
              adults: number;
              /** @description Children per age band; counts only — Kaimen never asks for or stores a child’s name */
              children_by_band: {
                /** @description Children aged 0-5 */
                '0-5'?: number;
                /** @description Children aged 6-12 */
                '6-12'?: number;
                /** @description Children aged 13-17 */
                '13-17'?: number;
              };
            }
          | {
              /** Format: uuid */
              slot_id: string;
              /** @enum {string} */
              kind: 'group';
              /** Format: uuid */
              school_id: string;
              /** @description Pupils coming */
              pupils: number;
              /** @description Teachers and other adults coming (at least one) */
              adults: number;
              /** @description 0 = kindergarten, 1–12 */
              grade: number;
              access_needs?: ('wheelchair' | 'hearing' | 'visual' | 'cognitive')[];
              /** @description For the venue (e.g. arrival by coach). Do not write any child’s name here. */
              note?: string;
            };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Booking'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getBooking: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Booking'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  cancelBooking: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          reason?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Booking'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  acceptOffer: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Booking'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  approveBooking: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Booking'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  declineBooking: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description Told to the booker */
          reason: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Booking'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getBookingQr: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description image/svg+xml */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'image/svg+xml': string;
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getBookingCalendar: {
    parameters: {
      query?: {
        /** @description The booking’s code: with it the file answers without signing in (the link in booking messages) */
        code?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description text/calendar */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/calendar': string;
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  checkIn: {
    parameters: {
      query?: never;
      header?: {
        /** @description Retry-safe: the same key and body get the same answer (kept at least 24 hours) */
        'idempotency-key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description The booking code as typed or scanned: case, spaces, dashes, full-width characters and Cyrillic or Greek look-alike letters are forgiven */
          code: string;
          /**
           * Format: uuid
           * @description The venue whose door this is: a code of another venue then answers 409 CODE_OF_ANOTHER_VENUE
           */
          venue_id?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            booking: components['schemas']['Booking'];
            /** Format: date-time */
            checked_in_at: string | null;
            checked_in_by: {
              /** Format: uuid */
              id: string;
              name: string;
            } | null;
            /**
             * Format: date-time
             * @description Until when DELETE /api/check-ins/{booking_id} undoes it
             */
            undo_until: string | null;
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  undoCheckIn: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        booking_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            booking: components['schemas']['Booking'];
            /** Format: date-time */
            checked_in_at: string | null;
            checked_in_by: {
              /** Format: uuid */
              id: string;
              name: string;
            } | null;
            /**
             * Format: date-time
             * @description Until when DELETE /api/check-ins/{booking_id} undoes it
             */
            undo_until: string | null;
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  correctArrivals: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        booking_id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description Adults who came, as counted at the door */
          arrived_adults?: number;
          /** @description Children or pupils who came (a count, never names) */
          arrived_minors?: number;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            booking: components['schemas']['Booking'];
            /** Format: date-time */
            checked_in_at: string | null;
            checked_in_by: {
              /** Format: uuid */
              id: string;
              name: string;
            } | null;
            /**
             * Format: date-time
             * @description Until when DELETE /api/check-ins/{booking_id} undoes it
             */
            undo_until: string | null;
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  listSlotBookings: {
    parameters: {
      query?: {
        /** @description csv: the same list as a file for Excel (or send Accept: text/csv) */
        format?: 'json' | 'csv';
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The slot's bookings */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            slot: {
              /** Format: uuid */
              id: string;
              title: string | null;
              /** Format: date-time */
              starts_at: string;
              /** Format: date-time */
              ends_at: string;
              status: string;
              venue: {
                /** Format: uuid */
                id: string;
                name: string;
              };
            };
            counts: {
              capacity: number;
              /** @description Confirmed, and pending or held within their deadline */
              places_taken: number;
              /** @description Confirmed bookings */
              booked: {
                bookings: number;
                places: number;
              };
              /** @description Requests waiting for the venue, within their deadline */
              pending: {
                bookings: number;
                places: number;
              };
              /** @description Waitlist offers holding places */
              held: {
                bookings: number;
                places: number;
              };
              /** @description Waitlist entries waiting or holding an offer */
              waitlisted: {
                entries: number;
                places: number;
              };
              checked_in: {
                bookings: number;
                places: number;
                arrived_adults: number;
                arrived_minors: number;
              };
            };
            items: components['schemas']['Booking'][];
          };
          'text/csv': string;
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  joinWaitlist: {
    parameters: {
      query?: never;
      header?: {
        /** @description Retry-safe: the same key and body get the same answer (kept at least 24 hours) */
        'idempotency-key'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    /** @description A family or a school group, as a booking has it */
    requestBody: {
      content: {
        'application/json':
          | {
              /** @enum {string} */
              kind: 'family';
              /** @description Grown-ups coming (at least one) */
              adults: number;
              /** @description Children per age band; counts only — Kaimen never asks for or stores a child’s name */
              children_by_band: {
                /** @description Children aged 0-5 */
                '0-5'?: number;
                /** @description Children aged 6-12 */
                '6-12'?: number;
                /** @description Children aged 13-17 */
                '13-17'?: number;
              };
            }
          | {
              /** @enum {string} */
              kind: 'group';
              /** Format: uuid */
              school_id: string;
              /** @description Pupils coming */
              pupils: number;
              /** @description Teachers and other adults coming (at least one) */
              adults: number;
              /** @description 0 = kindergarten, 1–12 */
              grade: number;
              access_needs?: ('wheelchair' | 'hearing' | 'visual' | 'cognitive')[];
              /** @description For the venue (e.g. arrival by coach). Do not write any child’s name here. */
              note?: string;
            };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WaitlistEntry'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  listMyWaitlist: {
    parameters: {
      query?: {
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['WaitlistEntry'][];
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  leaveWaitlist: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WaitlistEntry'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getVenueCalendar: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description A venue, programme or slot id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description text/calendar */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/calendar': string;
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  searchSlots: {
    parameters: {
      query?: {
        /**
         * @description A point as "lng,lat" in WGS-84 degrees, e.g. 116.3975,39.9087
         * @example 116.3975,39.9087
         */
        near?: string;
        /** @description Radius around `near` in metres */
        radius_m?: number;
        /**
         * @description A box as "minLng,minLat,maxLng,maxLat" in WGS-84 degrees
         * @example 116.2,39.8,116.5,40.0
         */
        bbox?: string;
        /** @description Substring of the Chinese or English name or of the Chinese name's pinyin, whole or initials (kejiguan, kjg); one character works. A kind or theme word (科技馆, 博物馆, library, science) also finds venues of that kind, after the name matches */
        q?: string;
        /** @description Comma-separated venue kinds, any of: museum, library, science_center, memorial_hall, art_gallery, cultural_center, heritage_hall, performance_venue, sports_venue, park, national_park, youth_palace, children_center, education_base, practice_base, camp, community_station */
        kinds?: string;
        /** @description Comma-separated themes, any of: patriotism, rule_of_law, science, culture_heritage, arts, sports, labour, nature, safety, volunteering, reading, family_education */
        themes?: string;
        free?: 'true' | 'false';
        /** @description true: only venues offering a green channel (绿色通道) for school groups: stated in their group policy, or shown by a coming slot with places set aside for schools */
        green_channel?: 'true' | 'false';
        /** @description true: only venues with a coming slot holding school places now (at least `group_size` when given; on one of the date filter's days when one is given) */
        school_places?: 'true' | 'false';
        /** @description Comma-separated needs the venue is known to meet, all of: wheelchair, hearing, visual, cognitive */
        accessible?: string;
        /** @description A child's age in years */
        age?: number;
        /** @description School grade: 0 kindergarten, 1–6 primary, 7–9 junior, 10–12 senior */
        grade?: number;
        /** @description A class or group of this many people must be admitted */
        group_size?: number;
        /** @description Only venues open that day (YYYY-MM-DD, Asia/Shanghai) */
        open_on?: string;
        /** @description Only venues open on some day from this one (YYYY-MM-DD, Asia/Shanghai) to `open_to` (inclusive; at most 62 days) */
        open_from?: string;
        /** @description The last day of the `open_from` range (inclusive) */
        open_to?: string;
        /** @description Only venues open on the coming Saturday or Sunday (today, at the weekend) */
        weekend?: 'true';
        /** @description Only venues open at this moment (ISO date-time with a zone) */
        open_at?: string;
        /** @description With a date filter, also keep venues whose opening hours are unknown */
        include_unknown_hours?: 'true';
        /** @description An official title the venue holds, e.g. 全国科普教育基地; `any` for any title */
        designation?: string;
        /** @description Start: a date (YYYY-MM-DD, Asia/Shanghai) or an ISO date-time with a zone. Default: now */
        from?: string;
        /** @description End: a date (inclusive) or an ISO date-time (exclusive). Default: 14 days after from; at most 120 days */
        to?: string;
        kind?: 'open_day' | 'programme';
        limit?: number;
        /** @description `next_cursor` of the previous page */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Slot'][];
            next_cursor: string | null;
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getVenueSlots: {
    parameters: {
      query?: {
        /** @description Start: a date (YYYY-MM-DD, Asia/Shanghai) or an ISO date-time with a zone. Default: now */
        from?: string;
        /** @description End: a date (inclusive) or an ISO date-time (exclusive). Default: 14 days after from; at most 120 days */
        to?: string;
        kind?: 'open_day' | 'programme';
        limit?: number;
        /** @description `next_cursor` of the previous page */
        cursor?: string;
      };
      header?: never;
      path: {
        /** @description A venue, programme or slot id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Slot'][];
            next_cursor: string | null;
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  createVenueSlots: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description A venue, programme or slot id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          title?: string;
          /**
           * Format: uuid
           * @description One of the venue's programmes
           */
          programme_id?: string;
          capacity: number;
          /** @description Places held for verified school groups */
          school_allocation?: number;
          /** @description Hours before the start when unused school places return to the public (needed with an allocation) */
          allocation_release_hours?: number;
          single?: {
            /** Format: date-time */
            starts_at: string;
            /** Format: date-time */
            ends_at: string;
          };
          recurring?: {
            /** @description ISO weekdays: 1 Monday … 7 Sunday */
            weekdays: number[];
            /** @description Shanghai wall-clock HH:MM */
            start_time: string;
            /** @description Shanghai wall-clock HH:MM */
            end_time: string;
            /**
             * Format: date
             * @description YYYY-MM-DD (Asia/Shanghai)
             */
            first_day: string;
            /**
             * Format: date
             * @description YYYY-MM-DD (Asia/Shanghai)
             */
            last_day: string;
            except_days?: string[];
          };
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            series_id: string | null;
            slots: {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              series_id: string | null;
              /** Format: uuid */
              programme_id: string | null;
              kind: string;
              title: string | null;
              /** Format: date-time */
              starts_at: string;
              /** Format: date-time */
              ends_at: string;
              capacity: number;
              school_allocation: number;
              /** Format: date-time */
              allocation_release_at: string | null;
              /** Format: date-time */
              booking_opens_at: string | null;
              /** Format: date-time */
              booking_closes_at: string | null;
              /** @description Bookers may cancel until this many hours before the start */
              cancel_hours_before: number;
              status: string;
              is_sample: boolean;
            }[];
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getBasemapLayer: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        layer: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description GeoJSON FeatureCollection */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/geo+json': unknown;
        };
      };
      /** @description Not modified */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getVenueTile: {
    parameters: {
      query?: {
        /**
         * @description A point as "lng,lat" in WGS-84 degrees, e.g. 116.3975,39.9087
         * @example 116.3975,39.9087
         */
        near?: string;
        /** @description Radius around `near` in metres */
        radius_m?: number;
        /**
         * @description A box as "minLng,minLat,maxLng,maxLat" in WGS-84 degrees
         * @example 116.2,39.8,116.5,40.0
         */
        bbox?: string;
        /** @description Substring of the Chinese or English name or of the Chinese name's pinyin, whole or initials (kejiguan, kjg); one character works. A kind or theme word (科技馆, 博物馆, library, science) also finds venues of that kind, after the name matches */
        q?: string;
        /** @description Comma-separated venue kinds, any of: museum, library, science_center, memorial_hall, art_gallery, cultural_center, heritage_hall, performance_venue, sports_venue, park, national_park, youth_palace, children_center, education_base, practice_base, camp, community_station */
        kinds?: string;
        /** @description Comma-separated themes, any of: patriotism, rule_of_law, science, culture_heritage, arts, sports, labour, nature, safety, volunteering, reading, family_education */
        themes?: string;
        free?: 'true' | 'false';
        /** @description true: only venues offering a green channel (绿色通道) for school groups: stated in their group policy, or shown by a coming slot with places set aside for schools */
        green_channel?: 'true' | 'false';
        /** @description true: only venues with a coming slot holding school places now (at least `group_size` when given; on one of the date filter's days when one is given) */
        school_places?: 'true' | 'false';
        /** @description Comma-separated needs the venue is known to meet, all of: wheelchair, hearing, visual, cognitive */
        accessible?: string;
        /** @description A child's age in years */
        age?: number;
        /** @description School grade: 0 kindergarten, 1–6 primary, 7–9 junior, 10–12 senior */
        grade?: number;
        /** @description A class or group of this many people must be admitted */
        group_size?: number;
        /** @description Only venues open that day (YYYY-MM-DD, Asia/Shanghai) */
        open_on?: string;
        /** @description Only venues open on some day from this one (YYYY-MM-DD, Asia/Shanghai) to `open_to` (inclusive; at most 62 days) */
        open_from?: string;
        /** @description The last day of the `open_from` range (inclusive) */
        open_to?: string;
        /** @description Only venues open on the coming Saturday or Sunday (today, at the weekend) */
        weekend?: 'true';
        /** @description Only venues open at this moment (ISO date-time with a zone) */
        open_at?: string;
        /** @description With a date filter, also keep venues whose opening hours are unknown */
        include_unknown_hours?: 'true';
        /** @description An official title the venue holds, e.g. 全国科普教育基地; `any` for any title */
        designation?: string;
      };
      header?: never;
      path: {
        /** @description Zoom level */
        z: number;
        /** @description Column, 0..2^z-1 from 180°W */
        x: number;
        /** @description Row, 0..2^z-1 from the north */
        y: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The tile */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/vnd.mapbox-vector-tile': string;
        };
      };
      /** @description No venue in this tile */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Not modified (the ETag matched) */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getVenueTileJson: {
    parameters: {
      query?: {
        /**
         * @description A point as "lng,lat" in WGS-84 degrees, e.g. 116.3975,39.9087
         * @example 116.3975,39.9087
         */
        near?: string;
        /** @description Radius around `near` in metres */
        radius_m?: number;
        /**
         * @description A box as "minLng,minLat,maxLng,maxLat" in WGS-84 degrees
         * @example 116.2,39.8,116.5,40.0
         */
        bbox?: string;
        /** @description Substring of the Chinese or English name or of the Chinese name's pinyin, whole or initials (kejiguan, kjg); one character works. A kind or theme word (科技馆, 博物馆, library, science) also finds venues of that kind, after the name matches */
        q?: string;
        /** @description Comma-separated venue kinds, any of: museum, library, science_center, memorial_hall, art_gallery, cultural_center, heritage_hall, performance_venue, sports_venue, park, national_park, youth_palace, children_center, education_base, practice_base, camp, community_station */
        kinds?: string;
        /** @description Comma-separated themes, any of: patriotism, rule_of_law, science, culture_heritage, arts, sports, labour, nature, safety, volunteering, reading, family_education */
        themes?: string;
        free?: 'true' | 'false';
        /** @description true: only venues offering a green channel (绿色通道) for school groups: stated in their group policy, or shown by a coming slot with places set aside for schools */
        green_channel?: 'true' | 'false';
        /** @description true: only venues with a coming slot holding school places now (at least `group_size` when given; on one of the date filter's days when one is given) */
        school_places?: 'true' | 'false';
        /** @description Comma-separated needs the venue is known to meet, all of: wheelchair, hearing, visual, cognitive */
        accessible?: string;
        /** @description A child's age in years */
        age?: number;
        /** @description School grade: 0 kindergarten, 1–6 primary, 7–9 junior, 10–12 senior */
        grade?: number;
        /** @description A class or group of this many people must be admitted */
        group_size?: number;
        /** @description Only venues open that day (YYYY-MM-DD, Asia/Shanghai) */
        open_on?: string;
        /** @description Only venues open on some day from this one (YYYY-MM-DD, Asia/Shanghai) to `open_to` (inclusive; at most 62 days) */
        open_from?: string;
        /** @description The last day of the `open_from` range (inclusive) */
        open_to?: string;
        /** @description Only venues open on the coming Saturday or Sunday (today, at the weekend) */
        weekend?: 'true';
        /** @description Only venues open at this moment (ISO date-time with a zone) */
        open_at?: string;
        /** @description With a date filter, also keep venues whose opening hours are unknown */
        include_unknown_hours?: 'true';
        /** @description An official title the venue holds, e.g. 全国科普教育基地; `any` for any title */
        designation?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description TileJSON 3.0.0 for the venue tiles */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            tilejson: '3.0.0';
            name: string;
            description: string;
            /** @enum {string} */
            scheme: 'xyz';
            /** @description URL templates of the tiles, carrying the filters given */
            tiles: string[];
            minzoom: number;
            maxzoom: number;
            /** @description [west, south, east, north] of the matching venues in WGS-84 degrees (the world when none match) */
            bounds: number[];
            vector_layers: {
              /** @description Source layer name */
              id: string;
              description: string;
              minzoom: number;
              maxzoom: number;
              /** @description Property name → type and meaning */
              fields: {
                [key: string]: string;
              };
            }[];
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  findDistricts: {
    parameters: {
      query: {
        q: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              adcode: string;
              name: string;
              level: 'province' | 'city' | 'district';
              city: string | null;
              province: string;
              lng: number;
              lat: number;
              located: 'label' | 'venues' | 'parent';
              /** @description The bounds of its shipped boundary, [minLng, minLat, maxLng, maxLat], to frame a province or city whole; null without one (county-level districts) */
              bbox: number[] | null;
            }[];
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  importVenues: {
    parameters: {
      query: {
        /** @description Coordinate system of the points: wgs84 (GPS, OSM), gcj02 (Amap, Tencent) or bd09 (Baidu); stored as WGS-84 */
        crs: 'wgs84' | 'gcj02' | 'bd09';
        /** @description Default: from Content-Type (text/csv → csv, JSON → geojson) */
        format?: 'csv' | 'geojson';
        /** @description Provenance tag written to every venue, e.g. `bj-culture-2025`; with a mapped source_ref it is the key that makes re-importing update instead of duplicate */
        source: string;
        /** @description true: check and count everything, write no venue */
        dry_run?: 'true' | 'false';
        /** @description JSON object (URL-encoded): venue field → CSV column or GeoJSON property, e.g. `{"name_zh":"name","lng":"longitude","lat":"latitude","kinds":"discipl","source_ref":"mid"}`. Fields: name_zh, name_en, lng, lat, address_zh, address_en, kinds, themes, opening_hours, minors_admission, admission_rule, booking_mode, coord_precision, phone, website, email, source_ref; name_zh is required, and lng/lat for CSV (GeoJSON reads the Point). Optional `kinds_map` / `themes_map` turn source values into kinds / themes (`{"ART":"art_gallery"}`), and `defaults` fills empty cells (`{"kinds":["museum"]}`). Send it here or in the `X-Import-Mapping` header. */
        mapping?: string;
        /** @description Text encoding of the file (default utf-8) */
        encoding?: 'utf-8' | 'gb18030';
      };
      header?: {
        /** @description The mapping as JSON, percent-encoded when it has non-ASCII names */
        'x-import-mapping'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'text/csv': string;
        'text/plain': string;
        'application/geo+json': string;
        'application/json': string;
      };
    };
    responses: {
      /** @description The job, queued: follow it at the Location header */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImportJob'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  importSchools: {
    parameters: {
      query: {
        /** @description Coordinate system of the points: wgs84 (GPS, OSM), gcj02 (Amap, Tencent) or bd09 (Baidu); stored as WGS-84 */
        crs: 'wgs84' | 'gcj02' | 'bd09';
        /** @description Default: from Content-Type (text/csv → csv, JSON → geojson) */
        format?: 'csv' | 'geojson';
        /** @description Provenance tag written to every school, e.g. `bj-dongcheng-schools-2025`; with a mapped source_ref it is the key that makes re-importing update instead of duplicate */
        source: string;
        /** @description true: check and count everything, write no school */
        dry_run?: 'true' | 'false';
        /** @description JSON object (URL-encoded): school field → CSV column or GeoJSON property, e.g. `{"name":"学校名称","lng":"经度","lat":"纬度","kind":"办学类型","grades":"年级","adcode":"区划代码","source_ref":"学校标识码"}`. Fields: name, name_en, kind, grades, adcode, lng, lat, address_zh, address_en, pupil_count, contact_name, contact_phone, contact_email, source_ref; name is required, and lng/lat for CSV (GeoJSON reads the Point). Kinds are kind ids or the usual Chinese words (小学, 初级中学, 九年一贯制学校…); an optional `kind_map` turns other source values into kinds (`{"完小":"primary"}`). Grades are a range (`1-6`) or a list (`7,8,9`), 0 = kindergarten; empty grades follow the kind. `defaults` fills empty cells of kind, grades and adcode. Send it here or in the `X-Import-Mapping` header. */
        mapping?: string;
        /** @description Text encoding of the file (default utf-8) */
        encoding?: 'utf-8' | 'gb18030';
        /** @description true: mark the loaded schools verified (an official list). A bureau's rows must lie in its region (others are refused as OUTSIDE_REGION); a school without a district stays pending */
        verify?: 'true' | 'false';
      };
      header?: {
        /** @description The mapping as JSON, percent-encoded when it has non-ASCII names */
        'x-import-mapping'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'text/csv': string;
        'text/plain': string;
        'application/geo+json': string;
        'application/json': string;
      };
    };
    responses: {
      /** @description The job, queued: follow it at the Location header */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImportJob'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getImport: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description An import job id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The job and its progress */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImportJob'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  listImportErrors: {
    parameters: {
      query?: {
        limit?: number;
        /** @description `next_cursor` of the previous page */
        cursor?: string;
      };
      header?: never;
      path: {
        /** @description An import job id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              /** @description CSV: line number in the file (the header is line 1). GeoJSON: index in `features` (from 0) */
              line: number;
              reason: string;
              code:
                | 'CSV_SYNTAX'
                | 'COLUMN_COUNT'
                | 'GEOMETRY_NOT_POINT'
                | 'NAME_REQUIRED'
                | 'COORDINATES_REQUIRED'
                | 'INVALID_NUMBER'
                | 'COORDINATE_OUT_OF_RANGE'
                | 'KIND_REQUIRED'
                | 'UNKNOWN_KIND'
                | 'UNKNOWN_THEME'
                | 'INVALID_VALUE'
                | 'VALUE_TOO_LONG'
                | 'DUPLICATE_SOURCE_REF'
                | 'INVALID_GRADES'
                | 'OUTSIDE_REGION'
                | 'DB_REJECTED';
            }[];
            next_cursor: string | null;
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  listImportDuplicates: {
    parameters: {
      query?: {
        limit?: number;
        /** @description `next_cursor` of the previous page */
        cursor?: string;
      };
      header?: never;
      path: {
        /** @description An import job id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              /** @description CSV: line number in the file (the header is line 1). GeoJSON: index in `features` (from 0) */
              line: number;
              name: string;
              /**
               * Format: uuid
               * @description The venue it duplicates; null for a row of a dry run or of a school import
               */
              existing_venue_id: string | null;
              /**
               * Format: uuid
               * @description The school it duplicates (a school import); null otherwise
               */
              existing_school_id: string | null;
              /** @description The earlier row of the same file it duplicates, if so */
              existing_line: number | null;
              existing_name: string;
              distance_m: number;
            }[];
            next_cursor: string | null;
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  register: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /**
           * Format: email
           * @description Compared without regard to case
           */
          email: string;
          /** @description 10–200 characters */
          password: string;
          display_name: string;
          role: 'parent' | 'teacher' | 'school_admin' | 'venue_manager';
          /**
           * Format: uuid
           * @description Teachers: the school to join
           */
          school_id?: string;
          /** @description Venue managers: who runs the venues */
          organisation_name?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /**
             * @description Always the same answer, whether or not the email already had an account
             * @enum {string}
             */
            status: 'accepted';
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  login: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /**
           * Format: email
           * @description Compared without regard to case
           */
          email: string;
          password: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Me'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  logout: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getMe: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Me'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  requestPasswordReset: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /**
           * Format: email
           * @description Compared without regard to case
           */
          email: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /**
             * @description Always the same answer, whether or not the email has an account
             * @enum {string}
             */
            status: 'accepted';
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  confirmPasswordReset: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          token: string;
          /** @description 10–200 characters */
          password: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getDevMailbox: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              /** Format: uuid */
              id: string;
              recipient: string;
              topic: string;
              subject: string;
              body: string;
              /** Format: date-time */
              created_at: string;
              /** Format: date-time */
              sent_at: string | null;
            }[];
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getBureauQueue: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description New venues waiting for verification, oldest first */
            venues: {
              /**
               * Format: uuid
               * @description A venue, programme or slot id (UUID)
               */
              id: string;
              name: string;
              adcode: string | null;
              district_name: string | null;
              address: string | null;
              kinds: (
                | 'museum'
                | 'library'
                | 'science_center'
                | 'memorial_hall'
                | 'art_gallery'
                | 'cultural_center'
                | 'heritage_hall'
                | 'performance_venue'
                | 'sports_venue'
                | 'park'
                | 'national_park'
                | 'youth_palace'
                | 'children_center'
                | 'education_base'
                | 'practice_base'
                | 'camp'
                | 'community_station'
              )[];
              organisation_name: string | null;
              lng: number;
              lat: number;
              /** Format: date-time */
              created_at: string;
            }[];
            /** @description Claims of existing venues waiting for a decision, oldest first */
            claims: {
              /** Format: uuid */
              id: string;
              venue: {
                /**
                 * Format: uuid
                 * @description A venue, programme or slot id (UUID)
                 */
                id: string;
                name: string;
                adcode: string | null;
                status: 'published' | 'draft' | 'suspended';
                verification_status: 'unverified' | 'pending' | 'verified' | 'rejected';
                /** @description True when an organisation runs the venue now (approval replaces it) */
                managed: boolean;
              };
              claimant: {
                /** Format: uuid */
                id: string;
                display_name: string;
                email: string;
              };
              organisation: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              evidence: string;
              /** Format: date-time */
              created_at: string;
            }[];
            /** @description New schools waiting for verification, oldest first */
            schools: components['schemas']['School'][];
            /** @description Claims of listed schools waiting for a decision, oldest first */
            school_claims: {
              /** Format: uuid */
              id: string;
              school: components['schemas']['School'];
              claimant: {
                /** Format: uuid */
                id: string;
                display_name: string;
                email: string;
              };
              evidence: string;
              /** Format: date-time */
              created_at: string;
            }[];
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getBureauRegion: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The adcode prefix of the region: '' for an admin (every region), null for a bureau without one */
            prefix: string | null;
            /** @description Its name from the shipped division codes, e.g. 北京市 or 北京市 东城区; null for every region */
            name_zh: string | null;
            /** @description The English name of a province-level region; null where there is none */
            name_en: string | null;
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  approveVenue: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description A venue, programme or slot id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /**
             * Format: uuid
             * @description A venue, programme or slot id (UUID)
             */
            id: string;
            name: string;
            adcode: string | null;
            status: 'published' | 'draft' | 'suspended';
            verification_status: 'unverified' | 'pending' | 'verified' | 'rejected';
            /** @description Why the venue was rejected or suspended */
            review_note: string | null;
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  rejectVenue: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description A venue, programme or slot id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description Not blank */
          reason: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /**
             * Format: uuid
             * @description A venue, programme or slot id (UUID)
             */
            id: string;
            name: string;
            adcode: string | null;
            status: 'published' | 'draft' | 'suspended';
            verification_status: 'unverified' | 'pending' | 'verified' | 'rejected';
            /** @description Why the venue was rejected or suspended */
            review_note: string | null;
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  verifyVenue: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description A venue, programme or slot id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /**
             * Format: uuid
             * @description A venue, programme or slot id (UUID)
             */
            id: string;
            name: string;
            adcode: string | null;
            status: 'published' | 'draft' | 'suspended';
            verification_status: 'unverified' | 'pending' | 'verified' | 'rejected';
            /** @description Why the venue was rejected or suspended */
            review_note: string | null;
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  approveClaim: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description A venue, programme or slot id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            id: string;
            /**
             * Format: uuid
             * @description A venue, programme or slot id (UUID)
             */
            venue_id: string;
            /** Format: uuid */
            organisation_id: string;
            status: 'pending' | 'approved' | 'rejected';
            reason: string | null;
            /** Format: date-time */
            decided_at: string | null;
            /** @description Other pending claims of the venue, rejected because this one was approved */
            rejected_claims: string[];
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  rejectClaim: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description A venue, programme or slot id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description Not blank */
          reason: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            id: string;
            /**
             * Format: uuid
             * @description A venue, programme or slot id (UUID)
             */
            venue_id: string;
            /** Format: uuid */
            organisation_id: string;
            status: 'pending' | 'approved' | 'rejected';
            reason: string | null;
            /** Format: date-time */
            decided_at: string | null;
            /** @description Other pending claims of the venue, rejected because this one was approved */
            rejected_claims: string[];
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  suspendVenue: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description A venue, programme or slot id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description Not blank */
          reason: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /**
             * Format: uuid
             * @description A venue, programme or slot id (UUID)
             */
            id: string;
            name: string;
            adcode: string | null;
            status: 'published' | 'draft' | 'suspended';
            verification_status: 'unverified' | 'pending' | 'verified' | 'rejected';
            /** @description Why the venue was rejected or suspended */
            review_note: string | null;
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  reinstateVenue: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description A venue, programme or slot id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description Not blank */
          note: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /**
             * Format: uuid
             * @description A venue, programme or slot id (UUID)
             */
            id: string;
            name: string;
            adcode: string | null;
            status: 'published' | 'draft' | 'suspended';
            verification_status: 'unverified' | 'pending' | 'verified' | 'rejected';
            /** @description Why the venue was rejected or suspended */
            review_note: string | null;
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  suspendProgramme: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description A venue, programme or slot id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description Not blank */
          reason: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /**
             * Format: uuid
             * @description A venue, programme or slot id (UUID)
             */
            id: string;
            /**
             * Format: uuid
             * @description A venue, programme or slot id (UUID)
             */
            venue_id: string;
            title: string;
            status: 'published' | 'draft' | 'suspended';
            review_note: string | null;
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  reinstateProgramme: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description A venue, programme or slot id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description Not blank */
          note: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /**
             * Format: uuid
             * @description A venue, programme or slot id (UUID)
             */
            id: string;
            /**
             * Format: uuid
             * @description A venue, programme or slot id (UUID)
             */
            venue_id: string;
            title: string;
            status: 'published' | 'draft' | 'suspended';
            review_note: string | null;
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  verifySchool: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description A venue, programme or slot id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['School'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  rejectSchool: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description A venue, programme or slot id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description Not blank */
          reason: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['School'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  approveSchoolClaim: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description A venue, programme or slot id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            school_id: string;
            status: 'pending' | 'approved' | 'rejected';
            evidence: string;
            /** @description Why the bureau rejected it */
            reason: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            decided_at: string | null;
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  rejectSchoolClaim: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description A venue, programme or slot id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description Not blank */
          reason: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            school_id: string;
            status: 'pending' | 'approved' | 'rejected';
            evidence: string;
            /** @description Why the bureau rejected it */
            reason: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            decided_at: string | null;
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  listRegionVenues: {
    parameters: {
      query?: {
        q?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              /** Format: uuid */
              id: string;
              name: string;
              adcode: string | null;
              district_name: string | null;
              status: 'published' | 'draft' | 'suspended';
              verification_status: 'unverified' | 'pending' | 'verified' | 'rejected';
              review_note: string | null;
              /** @description Who manages it, if anyone */
              organisation: string | null;
            }[];
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getRegionVenue: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description A venue, programme or slot id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            venue: {
              /** Format: uuid */
              id: string;
              name: string;
              adcode: string | null;
              district_name: string | null;
              status: 'published' | 'draft' | 'suspended';
              verification_status: 'unverified' | 'pending' | 'verified' | 'rejected';
              review_note: string | null;
              /** @description Who manages it, if anyone */
              organisation: string | null;
            };
            designations: {
              /** Format: uuid */
              id: string;
              /**
               * Format: uuid
               * @description A venue, programme or slot id (UUID)
               */
              venue_id: string;
              title: string;
              issuer: string | null;
              level: 'national' | 'provincial' | 'city' | 'district';
              year: number | null;
              revoked: boolean;
              /** Format: date-time */
              revoked_at: string | null;
            }[];
            programmes: {
              /** Format: uuid */
              id: string;
              title: string;
              status: 'published' | 'draft' | 'suspended';
              review_note: string | null;
            }[];
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  createDesignation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description A venue, programme or slot id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description The official title, e.g. 全国爱国主义教育示范基地; one active designation per title and venue */
          title: string;
          /** @description Who awarded it */
          issuer?: string;
          level: 'national' | 'provincial' | 'city' | 'district';
          /** @description The year it was awarded */
          year?: number;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            id: string;
            /**
             * Format: uuid
             * @description A venue, programme or slot id (UUID)
             */
            venue_id: string;
            title: string;
            issuer: string | null;
            level: 'national' | 'provincial' | 'city' | 'district';
            year: number | null;
            revoked: boolean;
            /** Format: date-time */
            revoked_at: string | null;
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  revokeDesignation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description A venue, programme or slot id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description Kept in the audit log */
          reason?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            id: string;
            /**
             * Format: uuid
             * @description A venue, programme or slot id (UUID)
             */
            venue_id: string;
            title: string;
            issuer: string | null;
            level: 'national' | 'provincial' | 'city' | 'district';
            year: number | null;
            revoked: boolean;
            /** Format: date-time */
            revoked_at: string | null;
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  listAudit: {
    parameters: {
      query?: {
        /** @description e.g. venue, claim, programme, designation, user */
        entity_type?: string;
        /** @description The entity's id */
        entity_id?: string;
        limit?: number;
        /** @description `next_cursor` of the previous page */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              id: number;
              /** Format: date-time */
              at: string;
              actor: {
                /**
                 * Format: uuid
                 * @description null once the account is deleted
                 */
                id: string | null;
                display_name: string | null;
                role: string | null;
              } | null;
              /** @description `<entity>.<verb>`, e.g. venue.approve */
              action: string;
              entity_type: string;
              entity_id: string;
              /** @description The district the entity lies in */
              adcode: string | null;
              /** @description The entity before the write (null for a creation) */
              before: unknown;
              /** @description The entity after the write */
              after: unknown;
            }[];
            next_cursor: string | null;
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  listAccounts: {
    parameters: {
      query?: {
        /** @description Part of the email or the name, any case */
        q?: string;
        role?: 'parent' | 'teacher' | 'school_admin' | 'venue_manager' | 'bureau' | 'admin';
        status?: 'active' | 'deactivated';
        limit?: number;
        /** @description `next_cursor` of the previous page */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['AdminAccount'][];
            next_cursor: string | null;
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  inviteAccount: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /**
           * Format: email
           * @description Compared without regard to case
           */
          email: string;
          display_name: string;
          /** @description bureau (with region_adcode) or admin */
          role: 'bureau' | 'admin';
          /** @description The adcode of the province, city or district the bureau oversees, as `GET /api/districts?q=<name>` finds it; the bureau oversees every district within it */
          region_adcode?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            id: string;
            email: string;
            display_name: string;
            role: 'parent' | 'teacher' | 'school_admin' | 'venue_manager' | 'bureau' | 'admin';
            region: {
              /** @description adcode prefix: 2 digits a province, 4 a city, 6 a district */
              prefix: string;
              name: string;
            } | null;
            is_demo: boolean;
            /** Format: date-time */
            deactivated_at: string | null;
            /** Format: date-time */
            created_at: string;
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  changeAccountRole: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          role: 'parent' | 'teacher' | 'school_admin' | 'venue_manager' | 'bureau' | 'admin';
          /** @description The adcode of the province, city or district the bureau oversees, as `GET /api/districts?q=<name>` finds it; the bureau oversees every district within it */
          region_adcode?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            id: string;
            email: string;
            display_name: string;
            role: 'parent' | 'teacher' | 'school_admin' | 'venue_manager' | 'bureau' | 'admin';
            region: {
              /** @description adcode prefix: 2 digits a province, 4 a city, 6 a district */
              prefix: string;
              name: string;
            } | null;
            is_demo: boolean;
            /** Format: date-time */
            deactivated_at: string | null;
            /** Format: date-time */
            created_at: string;
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  deactivateAccount: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            id: string;
            email: string;
            display_name: string;
            role: 'parent' | 'teacher' | 'school_admin' | 'venue_manager' | 'bureau' | 'admin';
            region: {
              /** @description adcode prefix: 2 digits a province, 4 a city, 6 a district */
              prefix: string;
              name: string;
            } | null;
            is_demo: boolean;
            /** Format: date-time */
            deactivated_at: string | null;
            /** Format: date-time */
            created_at: string;
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  reactivateAccount: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            id: string;
            email: string;
            display_name: string;
            role: 'parent' | 'teacher' | 'school_admin' | 'venue_manager' | 'bureau' | 'admin';
            region: {
              /** @description adcode prefix: 2 digits a province, 4 a city, 6 a district */
              prefix: string;
              name: string;
            } | null;
            is_demo: boolean;
            /** Format: date-time */
            deactivated_at: string | null;
            /** Format: date-time */
            created_at: string;
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  searchSchools: {
    parameters: {
      query?: {
        /** @description Part of the Chinese or English name, any case */
        q?: string;
        /**
         * @description A point as "lng,lat" in WGS-84 degrees, e.g. 116.3975,39.9087
         * @example 116.3975,39.9087
         */
        near?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description Pending and verified schools (never rejected ones), nearest first around `near`, else by name */
            items: components['schemas']['PublicSchool'][];
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  createSchool: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name: string;
          name_en?: string | null;
          kind:
            | 'kindergarten'
            | 'primary'
            | 'junior_secondary'
            | 'senior_secondary'
            | 'nine_year'
            | 'twelve_year'
            | 'special_education';
          /** @description Grades served, 0 (kindergarten) to 12, each once */
          grades: number[];
          /** @description GB/T 2260 district code; must agree with the point */
          adcode?: string;
          address_zh?: string | null;
          address_en?: string | null;
          pupil_count?: number | null;
          contact_name: string;
          contact_phone?: string | null;
          contact_email?: string | null;
          lng: number;
          lat: number;
          crs?: 'wgs84' | 'gcj02' | 'bd09';
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['School'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getSchool: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['School'] | components['schemas']['PublicSchool'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  updateSchool: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name?: string;
          name_en?: string | null;
          kind?:
            | 'kindergarten'
            | 'primary'
            | 'junior_secondary'
            | 'senior_secondary'
            | 'nine_year'
            | 'twelve_year'
            | 'special_education';
          /** @description Grades served, 0 (kindergarten) to 12, each once */
          grades?: number[];
          /** @description GB/T 2260 district code; must agree with the point */
          adcode?: string;
          address_zh?: string | null;
          address_en?: string | null;
          pupil_count?: number | null;
          contact_name?: string;
          contact_phone?: string | null;
          contact_email?: string | null;
          lng?: number;
          lat?: number;
          crs?: 'wgs84' | 'gcj02' | 'bd09';
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['School'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  listSchoolMembers: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            school: {
              /** Format: uuid */
              id: string;
              name: string;
              /** @description The school's district */
              adcode: string | null;
            };
            /** @description Pending first, then by name */
            members: {
              /** Format: uuid */
              user_id: string;
              display_name: string;
              email: string;
              role: 'teacher' | 'school_admin';
              status: 'pending' | 'approved' | 'rejected';
              /** Format: date-time */
              created_at: string;
              /** Format: date-time */
              decided_at: string | null;
            }[];
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  listSchoolBookings: {
    parameters: {
      query?: {
        /** @description coming: the slot has not ended yet, soonest first; past: it has, latest first */
        when?: 'coming' | 'past';
        limit?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            school: {
              /** Format: uuid */
              id: string;
              name: string;
              /** @description The school's district */
              adcode: string | null;
            };
            /** @description The school's group bookings, any status; `booker` names the teacher who made each */
            items: components['schemas']['Booking'][];
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  approveSchoolMember: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        userId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            user_id: string;
            display_name: string;
            email: string;
            role: 'teacher' | 'school_admin';
            status: 'pending' | 'approved' | 'rejected';
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            decided_at: string | null;
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  rejectSchoolMember: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        userId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            user_id: string;
            display_name: string;
            email: string;
            role: 'teacher' | 'school_admin';
            status: 'pending' | 'approved' | 'rejected';
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            decided_at: string | null;
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  listManagedSchools: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The schools you are an approved admin of, by name */
            items: components['schemas']['School'][];
            /** @description Your claims of schools, newest first */
            claims: {
              /** Format: uuid */
              id: string;
              school: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              status: 'pending' | 'approved' | 'rejected';
              reason: string | null;
              /** Format: date-time */
              created_at: string;
              /** Format: date-time */
              decided_at: string | null;
            }[];
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  claimSchool: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description What shows you speak for the school: your position, an official letter number, the school phone */
          evidence: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            school_id: string;
            status: 'pending' | 'approved' | 'rejected';
            evidence: string;
            /** @description Why the bureau rejected it */
            reason: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            decided_at: string | null;
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  listManagedVenues: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              /** Format: uuid */
              id: string;
              name_zh: string;
              adcode: string | null;
              status: 'published' | 'draft' | 'suspended';
              verification_status: 'unverified' | 'pending' | 'verified' | 'rejected';
              review_note: string | null;
              /** Format: date-time */
              updated_at: string;
            }[];
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  listOwnClaims: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              /** Format: uuid */
              id: string;
              venue: {
                /** Format: uuid */
                id: string;
                name: string;
                adcode: string | null;
              };
              /** @description Who sent the claim (a member of the organisation) */
              claimant: string;
              status: 'pending' | 'approved' | 'rejected';
              /** @description Why the bureau rejected it */
              reason: string | null;
              /** Format: date-time */
              created_at: string;
              /** Format: date-time */
              decided_at: string | null;
            }[];
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getManagedVenue: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description A venue, programme or slot id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VenueRecord'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  claimVenue: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description A venue, programme or slot id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          evidence: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            venue_id: string;
            status: 'pending' | 'approved' | 'rejected';
            /** Format: date-time */
            created_at: string;
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getOrganisationStaff: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            organisation: {
              /** Format: uuid */
              id: string;
              name: string;
            };
            members: {
              /** Format: uuid */
              user_id: string;
              email: string;
              display_name: string;
              /** @description manager and co_manager run the venues and their staff; door_staff see the day’s bookings and check in */
              role: 'manager' | 'co_manager' | 'door_staff';
              /** Format: date-time */
              joined_at: string;
            }[];
            /** @description Neither accepted nor withdrawn (expired ones marked) */
            invitations: {
              /** Format: uuid */
              id: string;
              email: string;
              /** @description co_manager, or door_staff */
              role: 'co_manager' | 'door_staff';
              /** Format: date-time */
              expires_at: string;
              expired: boolean;
              /** Format: date-time */
              created_at: string;
            }[];
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  inviteStaff: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /**
           * Format: email
           * @description Compared without regard to case
           */
          email: string;
          /** @description co_manager, or door_staff */
          role: 'co_manager' | 'door_staff';
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            id: string;
            email: string;
            /** @description co_manager, or door_staff */
            role: 'co_manager' | 'door_staff';
            /** Format: date-time */
            expires_at: string;
            expired: boolean;
            /** Format: date-time */
            created_at: string;
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  revokeStaffInvitation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        invitationId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  removeStaffMember: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        userId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  changeStaffRole: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        userId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description co_manager, or door_staff */
          role: 'co_manager' | 'door_staff';
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            organisation: {
              /** Format: uuid */
              id: string;
              name: string;
            };
            members: {
              /** Format: uuid */
              user_id: string;
              email: string;
              display_name: string;
              /** @description manager and co_manager run the venues and their staff; door_staff see the day’s bookings and check in */
              role: 'manager' | 'co_manager' | 'door_staff';
              /** Format: date-time */
              joined_at: string;
            }[];
            /** @description Neither accepted nor withdrawn (expired ones marked) */
            invitations: {
              /** Format: uuid */
              id: string;
              email: string;
              /** @description co_manager, or door_staff */
              role: 'co_manager' | 'door_staff';
              /** Format: date-time */
              expires_at: string;
              expired: boolean;
              /** Format: date-time */
              created_at: string;
            }[];
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getStaffInvitation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        token: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            organisation: {
              name: string;
            };
            email: string;
            /** @description co_manager, or door_staff */
            role: 'co_manager' | 'door_staff';
            /** Format: date-time */
            expires_at: string;
            /** @description Whether an account has this email: sign in, or sign up */
            account_exists: boolean;
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  acceptStaffInvitation: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          token: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            organisation: {
              /** Format: uuid */
              id: string;
              name: string;
            };
            /** @description co_manager, or door_staff */
            role: 'co_manager' | 'door_staff';
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  signUpWithStaffInvitation: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          token: string;
          display_name: string;
          password: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            organisation: {
              /** Format: uuid */
              id: string;
              name: string;
            };
            /** @description co_manager, or door_staff */
            role: 'co_manager' | 'door_staff';
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  listStaffSlots: {
    parameters: {
      query?: {
        /** @description A day in Beijing time; today by default */
        date?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: date */
            date: string;
            organisations: {
              /** Format: uuid */
              id: string;
              name: string;
              /** @description manager and co_manager run the venues and their staff; door_staff see the day’s bookings and check in */
              staff_role: 'manager' | 'co_manager' | 'door_staff';
            }[];
            items: {
              /** Format: uuid */
              id: string;
              venue: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              title: string | null;
              /** Format: date-time */
              starts_at: string;
              /** Format: date-time */
              ends_at: string;
              capacity: number;
              status: string;
              /** @description The slot’s bookings (JSON; add ?format=csv for the file) */
              roster_url: string;
            }[];
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  listManagedSlots: {
    parameters: {
      query?: {
        /** @description YYYY-MM-DD (Asia/Shanghai) */
        from?: string;
        /** @description YYYY-MM-DD (Asia/Shanghai) */
        to?: string;
      };
      header?: never;
      path: {
        /** @description A venue, programme or slot id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              series_id: string | null;
              /** Format: uuid */
              programme_id: string | null;
              kind: string;
              title: string | null;
              /** Format: date-time */
              starts_at: string;
              /** Format: date-time */
              ends_at: string;
              capacity: number;
              school_allocation: number;
              /** Format: date-time */
              allocation_release_at: string | null;
              /** Format: date-time */
              booking_opens_at: string | null;
              /** Format: date-time */
              booking_closes_at: string | null;
              /** @description Bookers may cancel until this many hours before the start */
              cancel_hours_before: number;
              status: string;
              is_sample: boolean;
            }[];
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  cancelSlot: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description A venue, programme or slot id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          reason: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            series_id: string | null;
            /** Format: uuid */
            programme_id: string | null;
            kind: string;
            title: string | null;
            /** Format: date-time */
            starts_at: string;
            /** Format: date-time */
            ends_at: string;
            capacity: number;
            school_allocation: number;
            /** Format: date-time */
            allocation_release_at: string | null;
            /** Format: date-time */
            booking_opens_at: string | null;
            /** Format: date-time */
            booking_closes_at: string | null;
            /** @description Bookers may cancel until this many hours before the start */
            cancel_hours_before: number;
            status: string;
            is_sample: boolean;
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  updateSlot: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description A venue, programme or slot id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          capacity?: number;
          /** @description Places held for verified school groups */
          school_allocation?: number;
          /**
           * Format: date-time
           * @description When unused school places return to the public (needed with an allocation)
           */
          allocation_release_at?: string | null;
          /** Format: date-time */
          booking_opens_at?: string | null;
          /** Format: date-time */
          booking_closes_at?: string | null;
          /** @description The cancellation deadline, in hours before the start */
          cancel_hours_before?: number;
          title?: string | null;
          /** @description What happens when the change leaves fewer places than live bookings take: `refuse` (the default) answers 409 CAPACITY_BELOW_TAKEN; `cancel_newest` cancels the newest bookings over it, each whole, and tells their bookers */
          over_capacity?: 'refuse' | 'cancel_newest';
          /** @description Told to bookers a cut cancels */
          reason?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            series_id: string | null;
            /** Format: uuid */
            programme_id: string | null;
            kind: string;
            title: string | null;
            /** Format: date-time */
            starts_at: string;
            /** Format: date-time */
            ends_at: string;
            capacity: number;
            school_allocation: number;
            /** Format: date-time */
            allocation_release_at: string | null;
            /** Format: date-time */
            booking_opens_at: string | null;
            /** Format: date-time */
            booking_closes_at: string | null;
            /** @description Bookers may cancel until this many hours before the start */
            cancel_hours_before: number;
            status: string;
            is_sample: boolean;
            /** @description Cancelled by the cut, newest first */
            bookings_cancelled: string[];
            /** @description Kept group bookings whose school places became public ones */
            bookings_resplit: string[];
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  previewOpeningHours: {
    parameters: {
      query: {
        opening_hours: string;
        days?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Open now, and the coming 7 days (Asia/Shanghai) with holidays; unknown hours are never shown as open or closed */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            known: boolean;
            state: 'open' | 'closed' | 'unknown';
            /** Format: date-time */
            opens_at: string | null;
            /** Format: date-time */
            closes_at: string | null;
            /** @description False when the holiday calendar does not cover these days' year */
            calendar_covered: boolean;
            days: {
              /** Format: date */
              date: string;
              weekday: string;
              holiday: string | null;
              workday_for: string | null;
              intervals:
                | {
                    start: string;
                    end: string;
                  }[]
                | null;
            }[];
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  listManagedProgrammes: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description A venue, programme or slot id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Programme'][];
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  createProgramme: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description A venue, programme or slot id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          title_zh: string;
          title_en?: string | null;
          description?: string | null;
          delivery?: 'on_site' | 'outreach';
          themes?: (
            | 'patriotism'
            | 'rule_of_law'
            | 'science'
            | 'culture_heritage'
            | 'arts'
            | 'sports'
            | 'labour'
            | 'nature'
            | 'safety'
            | 'volunteering'
            | 'reading'
            | 'family_education'
          )[];
          grade_min?: number | null;
          grade_max?: number | null;
          age_min?: number | null;
          age_max?: number | null;
          duration_minutes?: number | null;
          group_min?: number | null;
          group_max?: number | null;
          /** @description In fen; 0 is free */
          price_per_head_fen?: number;
          volunteer?: boolean;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Programme'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  updateProgramme: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description A venue, programme or slot id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          title_zh?: string;
          title_en?: string | null;
          description?: string | null;
          delivery?: 'on_site' | 'outreach';
          themes?: (
            | 'patriotism'
            | 'rule_of_law'
            | 'science'
            | 'culture_heritage'
            | 'arts'
            | 'sports'
            | 'labour'
            | 'nature'
            | 'safety'
            | 'volunteering'
            | 'reading'
            | 'family_education'
          )[];
          grade_min?: number | null;
          grade_max?: number | null;
          age_min?: number | null;
          age_max?: number | null;
          duration_minutes?: number | null;
          group_min?: number | null;
          group_max?: number | null;
          /** @description In fen; 0 is free */
          price_per_head_fen?: number;
          volunteer?: boolean;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Programme'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  uploadVenuePhoto: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description A venue, programme or slot id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            id: string;
            url: string;
            content_type: string;
            bytes: number;
            width: number;
            height: number;
            caption: string | null;
          };
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  deleteVenuePhoto: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description A venue, programme or slot id (UUID) */
        id: string;
        /** @description A venue, programme or slot id (UUID) */
        photoId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getPhoto: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description A venue, programme or slot id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'image/jpeg': string;
          'image/png': string;
          'image/webp': string;
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'image/jpeg': components['schemas']['Error'];
          'image/png': components['schemas']['Error'];
          'image/webp': components['schemas']['Error'];
        };
      };
      /** @description Every 4xx and 5xx answer has this shape */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'image/jpeg': components['schemas']['Error'];
          'image/png': components['schemas']['Error'];
          'image/webp': components['schemas']['Error'];
        };
      };
    };
  };
}
