import { Type } from '@sinclair/typebox';
import { MAPPABLE_FIELDS, SCHOOL_MAPPABLE_FIELDS, SOURCE_PATTERN } from '../../../domain/import-fields.ts';
import {
  COORD_SYSTEMS,
  IMPORT_ENTITIES,
  IMPORT_FORMATS,
  IMPORT_STATUSES,
  ROW_ERROR_CODES,
} from '../../../domain/vocab.ts';
import { FiniteInteger, Literals, Nullable } from '../../schemas/common.ts';

/** Bodies up to 50 MB (a national list of venues as CSV is a few MB). */
export const IMPORT_BODY_LIMIT = 50 * 1024 * 1024;
export const MAX_LIST_LIMIT = 1000;
export const DEFAULT_LIST_LIMIT = 100;

const MAPPING_DESCRIPTION =
  'JSON object (URL-encoded): venue field → CSV column or GeoJSON property, e.g. ' +
  '`{"name_zh":"name","lng":"longitude","lat":"latitude","kinds":"discipl","source_ref":"mid"}`. ' +
  `Fields: ${MAPPABLE_FIELDS.join(', ')}; name_zh is required, and lng/lat for CSV (GeoJSON reads the Point). ` +
  'Optional `kinds_map` / `themes_map` turn source values into kinds / themes (`{"ART":"art_gallery"}`), and ' +
  '`defaults` fills empty cells (`{"kinds":["museum"]}`). Send it here or in the `X-Import-Mapping` header.';

export const ImportQuery = Type.Object(
  {
    crs: Literals(COORD_SYSTEMS, {
      description:
        'Coordinate system of the points: wgs84 (GPS, OSM), gcj02 (Amap, Tencent) or bd09 (Baidu); stored as WGS-84',
    }),
    format: Type.Optional(
      Literals(IMPORT_FORMATS, { description: 'Default: from Content-Type (text/csv → csv, JSON → geojson)' }),
    ),
    source: Type.String({
      pattern: SOURCE_PATTERN,
      description:
        'Provenance tag written to every venue, e.g. `bj-culture-2025`; with a mapped source_ref it is the key that makes re-importing update instead of duplicate',
    }),
    dry_run: Type.Optional(
      Literals(['true', 'false'], { description: 'true: check and count everything, write no venue' }),
    ),
    mapping: Type.Optional(Type.String({ maxLength: 20_000, description: MAPPING_DESCRIPTION })),
    encoding: Type.Optional(
      Literals(['utf-8', 'gb18030'], { description: 'Text encoding of the file (default utf-8)' }),
    ),
  },
  { additionalProperties: false },
);

const SCHOOL_MAPPING_DESCRIPTION =
  'JSON object (URL-encoded): school field → CSV column or GeoJSON property, e.g. ' +
  '`{"name":"学校名称","lng":"经度","lat":"纬度","kind":"办学类型","grades":"年级","adcode":"区划代码","source_ref":"学校标识码"}`. ' +
  `Fields: ${SCHOOL_MAPPABLE_FIELDS.join(', ')}; name is required, and lng/lat for CSV (GeoJSON reads the Point). ` +
  'Kinds are kind ids or the usual Chinese words (小学, 初级中学, 九年一贯制学校…); an optional `kind_map` turns other ' +
  'source values into kinds (`{"完小":"primary"}`). Grades are a range (`1-6`) or a list (`7,8,9`), 0 = kindergarten; ' +
  'empty grades follow the kind. `defaults` fills empty cells of kind, grades and adcode. Send it here or in the ' +
  '`X-Import-Mapping` header.';

/** The query of a school import: a venue import's, with its own mapping and `verify`. */
export const SchoolImportQuery = Type.Object(
  {
    ...ImportQuery.properties,
    source: Type.String({
      pattern: SOURCE_PATTERN,
      description:
        'Provenance tag written to every school, e.g. `bj-dongcheng-schools-2025`; with a mapped source_ref it is the key that makes re-importing update instead of duplicate',
    }),
    dry_run: Type.Optional(
      Literals(['true', 'false'], { description: 'true: check and count everything, write no school' }),
    ),
    mapping: Type.Optional(Type.String({ maxLength: 20_000, description: SCHOOL_MAPPING_DESCRIPTION })),
    verify: Type.Optional(
      Literals(['true', 'false'], {
        description:
          "true: mark the loaded schools verified (an official list). A bureau's rows must lie in its region (others are refused as OUTSIDE_REGION); a school without a district stays pending",
      }),
    ),
  },
  { additionalProperties: false },
);

export const ImportHeaders = Type.Object({
  'x-import-mapping': Type.Optional(
    Type.String({ maxLength: 20_000, description: 'The mapping as JSON, percent-encoded when it has non-ASCII names' }),
  ),
});

const FileBody = Type.String({ description: 'The file itself (at most 50 MB)' });
export const ImportBody = {
  content: {
    'text/csv': { schema: FileBody },
    'text/plain': { schema: FileBody },
    'application/geo+json': { schema: FileBody },
    'application/json': { schema: FileBody },
  },
};

const JobId = Type.String({ format: 'uuid', description: 'An import job id (UUID)' });

export const ImportJob = Type.Object(
  {
    id: JobId,
    entity: Literals(IMPORT_ENTITIES, { description: 'What the job loads: venues or schools' }),
    status: Literals(IMPORT_STATUSES, {
      description: 'queued → running → done (bad rows do not fail a job) or failed (the job as a whole; see message)',
    }),
    format: Literals(IMPORT_FORMATS),
    crs: Literals(COORD_SYSTEMS),
    source: Type.String(),
    dry_run: Type.Boolean(),
    verify: Type.Boolean({ description: 'Schools only: the loaded schools are marked verified' }),
    total_rows: Nullable(Type.Integer({ description: 'Data rows in the file; null until it has been read' })),
    processed_rows: Type.Integer({ description: 'Rows handled so far (updated every batch of 500)' }),
    inserted: Type.Integer(),
    updated: Type.Integer({ description: 'Venues (schools) of the same source and source_ref overwritten' }),
    failed_rows: Type.Integer({ description: 'Bad rows, listed by /errors' }),
    duplicates: Type.Integer({
      description: 'Rows not loaded as likely duplicates (same name within 100 m), listed by /duplicates',
    }),
    message: Nullable(Type.String({ description: 'Why a failed job failed' })),
    created_at: Type.String({ format: 'date-time' }),
    started_at: Nullable(Type.String({ format: 'date-time' })),
    finished_at: Nullable(Type.String({ format: 'date-time' })),
  },
  { $id: 'ImportJob' },
);

export const ImportParams = Type.Object({ id: JobId });

export const ImportListQuery = Type.Object(
  {
    limit: Type.Optional(FiniteInteger({ minimum: 1, maximum: MAX_LIST_LIMIT, default: DEFAULT_LIST_LIMIT })),
    cursor: Type.Optional(Type.String({ maxLength: 500, description: '`next_cursor` of the previous page' })),
  },
  { additionalProperties: false },
);

const LINE_DESCRIPTION = 'CSV: line number in the file (the header is line 1). GeoJSON: index in `features` (from 0)';

export const ImportErrorList = Type.Object({
  items: Type.Array(
    Type.Object({
      line: Type.Integer({ description: LINE_DESCRIPTION }),
      reason: Type.String(),
      code: Literals(ROW_ERROR_CODES),
    }),
  ),
  next_cursor: Nullable(Type.String()),
});

export const ImportDuplicateList = Type.Object({
  items: Type.Array(
    Type.Object({
      line: Type.Integer({ description: LINE_DESCRIPTION }),
      name: Type.String(),
      existing_venue_id: Nullable(
        Type.String({
          format: 'uuid',
          description: 'The venue it duplicates; null for a row of a dry run or of a school import',
        }),
      ),
      existing_school_id: Nullable(
        Type.String({ format: 'uuid', description: 'The school it duplicates (a school import); null otherwise' }),
      ),
      existing_line: Nullable(Type.Integer({ description: 'The earlier row of the same file it duplicates, if so' })),
      existing_name: Type.String(),
      distance_m: Type.Number(),
    }),
  ),
  next_cursor: Nullable(Type.String()),
});
