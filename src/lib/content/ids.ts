/** Ids (file names, `slug:`, taxonomy ids) are URL segments: lowercase ASCII words joined by `-`. */
export const CONTENT_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
