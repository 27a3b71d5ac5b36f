import Fastify, { LogController, type FastifyServerOptions } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Database } from '../db/client.ts';
import type { Config } from './config.ts';
import dbPlugin from './plugins/external/db.ts';
import jsonBody from './plugins/external/json-body.ts';
import securityHeaders from './plugins/external/security-headers.ts';
import swaggerPlugin from './plugins/external/swagger.ts';
import authPlugin from './plugins/app/auth.ts';
import errorsPlugin from './plugins/app/errors.ts';
import webPlugin from './plugins/app/web.ts';
import { Booking } from './schemas/booking.ts';
import { ErrorResponse } from './schemas/common.ts';
import { PublicSchool, School } from './schemas/school-fields.ts';
import { buildValidator } from './validation.ts';
import adminUserRoutes from './routes/admin-users/index.ts';
import { answerFrameworkError } from './framework-errors.ts';
import auditRoutes from './routes/audit/index.ts';
import authRoutes from './routes/auth/index.ts';
import basemapRoutes from './routes/basemap/index.ts';
import bureauRoutes from './routes/bureau/index.ts';
import oversightRoutes from './routes/bureau/oversight.ts';
import configRoutes from './routes/config/index.ts';
import designationRoutes from './routes/designations/index.ts';
import devRoutes from './routes/dev/index.ts';
import districtRoutes from './routes/districts/index.ts';
import healthRoutes from './routes/health/index.ts';
import hoursRoutes from './routes/hours/index.ts';
import importRoutes from './routes/imports/index.ts';
import schoolRoutes from './routes/schools/index.ts';
import bookingRoutes from './routes/bookings/index.ts';
import bookingFileRoutes from './routes/bookings/files.ts';
import checkInRoutes from './routes/check-ins/index.ts';
import slotRosterRoutes from './routes/slots/roster.ts';
import staffRoutes from './routes/staff/index.ts';
import manageSchoolRoutes from './routes/schools/manage.ts';
import slotRoutes from './routes/slots/index.ts';
import manageSlotRoutes from './routes/slots/manage.ts';
import photoRoutes from './routes/photos/index.ts';
import programmeRoutes from './routes/programmes/index.ts';
import tileRoutes from './routes/tiles/index.ts';
import venueRoutes from './routes/venues/index.ts';
import waitlistRoutes from './routes/waitlist/index.ts';
import manageVenueRoutes from './routes/venues/manage.ts';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
  }
}

export interface BuildAppOptions {
  database: Database;
  config: Config;
  /** Fastify logger options; tests pass false. */
  logger?: FastifyServerOptions['logger'];
  /** Mount the built web app (default true). HTTP tests of the API alone leave it out. */
  web?: boolean;
}

const schemaController: FastifyServerOptions['schemaController'] = { compilersFactory: { buildValidator } };

/** Builds the Fastify app without listening: server.ts listens, tests use `app.inject`. */
export async function buildApp({ database, config, logger = false, web = true }: BuildAppOptions) {
  const app = Fastify({
    logger,
    // Query strings are coerced, JSON bodies are not (server/validation.ts).
    schemaController,
    return503OnClosing: true,
    // URLs the router refuses before any route runs answer in Kaimen's error shape too.
    frameworkErrors: answerFrameworkError,
    trustProxy: config.trustProxy,
    // One line per request at debug level (LOG_LEVEL=debug) instead of two at info, which would bury
    // the start-up messages a person reads in the terminal; failures are logged by the error handler.
    logController: new LogController({ disableRequestLogging: true }),
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Only when debug logging is on: a hook on every answer that logs nothing still costs a call each.
  if (app.log.level === 'debug' || app.log.level === 'trace') {
    app.addHook('onResponse', (request, reply, done) => {
      request.log.debug(
        { method: request.method, url: request.url, statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime) },
        'request',
      );
      done();
    });
  }

  app.decorate('config', config);
  app.addSchema(ErrorResponse);
  // The school, in its public and full forms: the schools routes and the bureau's queue both answer it.
  app.addSchema(PublicSchool);
  app.addSchema(School);
  // A booking: the bookings routes, the check-ins and a slot's list for its venue answer it.
  app.addSchema(Booking);

  // External plugins: the database, the OpenAPI document every route contributes to, security headers.
  await app.register(dbPlugin, { database });
  await app.register(swaggerPlugin);
  await app.register(securityHeaders);
  await app.register(jsonBody);

  // App plugins: one error shape for every failure; sessions, CSRF and each route's access rule.
  await app.register(errorsPlugin);
  await app.register(authPlugin);

  // Routes: the public API under /api.
  await app.register(healthRoutes);
  await app.register(configRoutes);
  await app.register(venueRoutes);
  await app.register(bookingRoutes);
  await app.register(bookingFileRoutes);
  await app.register(checkInRoutes);
  await app.register(slotRosterRoutes);
  await app.register(waitlistRoutes);
  await app.register(slotRoutes);
  await app.register(basemapRoutes);
  await app.register(tileRoutes);
  await app.register(districtRoutes);
  await app.register(importRoutes);
  await app.register(authRoutes);
  await app.register(devRoutes);
  // The bureau console, the audit log and schools.
  await app.register(bureauRoutes);
  await app.register(oversightRoutes);
  await app.register(designationRoutes);
  await app.register(auditRoutes);
  await app.register(adminUserRoutes);
  await app.register(schoolRoutes);
  await app.register(manageSchoolRoutes);
  // The venue console.
  await app.register(manageVenueRoutes);
  await app.register(staffRoutes);
  await app.register(manageSlotRoutes);
  await app.register(hoursRoutes);
  await app.register(programmeRoutes);
  await app.register(photoRoutes);

  // The web app takes every other GET on the same port.
  if (web) await app.register(webPlugin, { buildDir: config.webBuildDir });

  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
