/** `href(routes.case(id))` → `/casebook/cases/<id>/` under the configured base. */
import { joinBase } from './lib/site/urls.ts';
export { routes } from './lib/site/urls.ts';

export const href = (path: string) => joinBase(import.meta.env.BASE_URL, path);
