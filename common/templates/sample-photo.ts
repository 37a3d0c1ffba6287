/** Id of the sample photo the templates use (see server/assets/sample-assets.ts, which checks it). */
export const SAMPLE_PHOTO_ID = 'f1cbaecc5f5e244bf9bf9f1844fcb0e1c7cd8b858fc5d12cf45411497ee87619';
