/** Id of the sample photo the templates use (see server/assets/sample-assets.ts, which checks it). */
export const SAMPLE_PHOTO_ID = '0000000000000000000000000000000000000000000000000000000000000000';
