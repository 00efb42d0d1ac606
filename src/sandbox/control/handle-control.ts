// Dispatches a request under /_sandbox to its control-API handler.
import type { Clock } from '../clock.ts';
import { errors } from '../http/api-error.ts';
import { createRouter } from '../router.ts';
import type { Store } from '../storage/store.ts';
import { controlRoutes } from './control-routes.ts';

const router = createRouter(controlRoutes);

export function handleControl(store: Store, clock: Clock, method: string, path: string, body: unknown): { status?: number; body: unknown } {
  const matched = router.match(method, path);
  if ('none' in matched) throw errors.noSuchApi();
  if ('allowed' in matched) throw errors.methodNotSupported(matched.allowed);
  return matched.found.route.handler({ store, clock, params: matched.found.params, body });
}
