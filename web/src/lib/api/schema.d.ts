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
    /** Liveness and database check */
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
    post?: never;
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
    post?: never;
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
     * @description Simplified province or prefecture boundaries as GeoJSON: `provinces.geojson`, `prefectures.geojson`.
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
     */
    post: operations['importVenues'];
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
    /** An import job with its progress */
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
     * @description Rows not loaded because a venue (or an earlier row of the file) with the same normalised name lies within 100 m.
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
      };
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
      /** @description A sample schedule Kaimen generated for a seeded venue, not announced by it */
      is_sample: boolean;
    };
    ImportJob: {
      /**
       * Format: uuid
       * @description An import job id (UUID)
       */
      id: string;
      /** @description queued → running → done (bad rows do not fail a job) or failed (the job as a whole; see message) */
      status: 'queued' | 'running' | 'done' | 'failed';
      format: 'csv' | 'geojson';
      crs: 'wgs84' | 'gcj02' | 'bd09';
      source: string;
      dry_run: boolean;
      /** @description Data rows in the file; null until it has been read */
      total_rows: number | null;
      /** @description Rows handled so far (updated every batch of 500) */
      processed_rows: number;
      inserted: number;
      /** @description Venues of the same source and source_ref overwritten */
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
        /** @description Substring of the Chinese or English name; one character works */
        q?: string;
        /** @description Comma-separated venue kinds, any of: museum, library, science_center, memorial_hall, art_gallery, cultural_center, heritage_hall, performance_venue, sports_venue, park, national_park, youth_palace, children_center, education_base, practice_base, camp, community_station */
        kinds?: string;
        /** @description Comma-separated themes, any of: patriotism, rule_of_law, science, culture_heritage, arts, sports, labour, nature, safety, volunteering, reading, family_education */
        themes?: string;
        free?: 'true' | 'false';
        green_channel?: 'true' | 'false';
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
        /** @description Substring of the Chinese or English name; one character works */
        q?: string;
        /** @description Comma-separated venue kinds, any of: museum, library, science_center, memorial_hall, art_gallery, cultural_center, heritage_hall, performance_venue, sports_venue, park, national_park, youth_palace, children_center, education_base, practice_base, camp, community_station */
        kinds?: string;
        /** @description Comma-separated themes, any of: patriotism, rule_of_law, science, culture_heritage, arts, sports, labour, nature, safety, volunteering, reading, family_education */
        themes?: string;
        free?: 'true' | 'false';
        green_channel?: 'true' | 'false';
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
        /** @description Substring of the Chinese or English name; one character works */
        q?: string;
        /** @description Comma-separated venue kinds, any of: museum, library, science_center, memorial_hall, art_gallery, cultural_center, heritage_hall, performance_venue, sports_venue, park, national_park, youth_palace, children_center, education_base, practice_base, camp, community_station */
        kinds?: string;
        /** @description Comma-separated themes, any of: patriotism, rule_of_law, science, culture_heritage, arts, sports, labour, nature, safety, volunteering, reading, family_education */
        themes?: string;
        free?: 'true' | 'false';
        green_channel?: 'true' | 'false';
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
        /** @description Substring of the Chinese or English name; one character works */
        q?: string;
        /** @description Comma-separated venue kinds, any of: museum, library, science_center, memorial_hall, art_gallery, cultural_center, heritage_hall, performance_venue, sports_venue, park, national_park, youth_palace, children_center, education_base, practice_base, camp, community_station */
        kinds?: string;
        /** @description Comma-separated themes, any of: patriotism, rule_of_law, science, culture_heritage, arts, sports, labour, nature, safety, volunteering, reading, family_education */
        themes?: string;
        free?: 'true' | 'false';
        green_channel?: 'true' | 'false';
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
               * @description The venue it duplicates; null for a row of a dry run
               */
              existing_venue_id: string | null;
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
}
