/** `href(routes.case(id))` → `/casebook/cases/<id>/` under the configured base. */
import { joinBase } from './lib/urls.ts';
export { routes } from './lib/urls.ts';

export const href = (path: string) => joinBase(import.meta.env.BASE_URL, path);
