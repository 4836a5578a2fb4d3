import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { Observable, catchError, tap, throwError } from 'rxjs';

@Injectable()
export class LoggingInterceptor implements NestInterceptor {
  private readonly logger = new Logger('HTTP');

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request>();
    const started = Date.now();
    this.logger.debug({ method: req.method, url: req.url, headers: req.headers }); // expect: secret-in-log
    return next.handle().pipe(
      tap(() => this.logger.log(`${req.method} ${req.url} ${Date.now() - started}ms`)),
      catchError((err: Error) => {
        this.logger.error(
          { url: req.url, userAgent: req.headers['user-agent'], hasAuth: Boolean(req.headers.authorization) },
          err.stack,
        );
        return throwError(() => err);
      }),
    );
  }
}
