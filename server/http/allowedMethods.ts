import type { FastifyInstance, RouteOptions } from 'fastify';

declare module 'fastify' {
  interface FastifyInstance {
    /** The methods each registered path answers (absent on apps built without buildApp). */
    allowedMethods?: AllowedMethods;
  }
}

/** A registered route as a matcher: its path pattern as a regular expression and its methods. */
interface KnownRoute {
  pattern: RegExp;
  methods: readonly string[];
}

/**
 * The methods each path answers, learned from the routes as they are registered, so that a
 * known path asked with another method gets 405 with `Allow` (RFC 9110 §15.5.6) instead of
 * a 404 that says the path does not exist.
 */
export class AllowedMethods {
  private readonly routes: KnownRoute[] = [];

  /** Records every route registered on `app` from now on (call before registering plugins). */
  watch(app: FastifyInstance): void {
    app.addHook('onRoute', (route: RouteOptions) => {
      // Catch-all routes (`/api/v1/*`) and static file trees are not one resource.
      if (route.url.includes('*')) return;
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      const source = route.url
        .split('/')
        .map((part) =>
          part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
        )
        .join('/');
      this.routes.push({ pattern: new RegExp(`^${source}/?$`), methods });
    });
  }

  /** The methods `path` (no query string) answers; empty when no route has that path. */
  of(path: string): string[] {
    const found = new Set<string>();
    for (const route of this.routes)
      if (route.pattern.test(path)) for (const method of route.methods) found.add(method);
    return [...found].sort();
  }
}
