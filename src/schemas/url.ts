/** An original address in a source record: absolute http(s) only (see src/lib/content/urlPolicy.ts). */
import { z } from 'astro/zod';
import { notWebAddressReason } from '../lib/content/urlPolicy.ts';

export const webAddress = z.string().superRefine((url, ctx) => {
  const reason = notWebAddressReason(url);
  if (reason) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `“${url.slice(0, 80)}” cannot be used: ${reason}` });
});
