import pino, { type Logger } from 'pino';
import type { Config } from './config.ts';

interface LoggedRequest {
  method?: string;
  url?: string;
  id?: string;
  ip?: string;
}

/**
 * Server logs never hold personal data: query strings (search words, identity codes, one-time codes) are
 * cut from URLs, and cookies and headers are not logged at all.
 */
export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    serializers: {
      req: (req: LoggedRequest) => ({
        id: req.id,
        method: req.method,
        path: req.url?.split('?')[0],
        ip: req.ip,
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      err: pino.stdSerializers.err,
    },
  });
}
