/** A region, derived from content/regions.yaml and the GB/T 2260 dataset (src/lib/model/regions.ts). */
import { z } from 'astro/zod';

export const regionSchema = z.object({
  name: z.string(),
  level: z.enum(['省', '市', '县区']),
  parent: z.string().optional(),
  path: z.array(z.string()),
  city: z.string().optional(),
});
