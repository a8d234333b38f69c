/** A theme of content/taxonomy/themes.yaml. */
import { z } from 'astro/zod';
import { strictObject } from './strict.ts';

export const themeSchema = strictObject({
  /** Display name, e.g. 优质均衡. */
  name: z.string().min(1),
  /** One neutral sentence on what the theme groups. */
  description: z.string().min(1),
});
