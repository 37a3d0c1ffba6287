/** Id of the sample photo the templates use (see server/assets/sample-assets.ts, which checks it). */
export const SAMPLE_PHOTO_ID = '4245d72fa77dbeda4ace94d1c6e6914f22e59f4a0615989eb959070f004ebe6b';

/**
 * Size of the sample photo in pixels: 3:2, like most cameras. Large enough for 300 ppi in every template's
 * photo box including bleed; the A3 poster's (303 x 203 mm with bleed) needs the most, 2398 px high.
 * scripts/make-sample-photo.ts draws it at this size; test/server/assets/sample-assets.test.ts checks the file.
 */
export const SAMPLE_PHOTO_SIZE = { width: 3600, height: 2400 } as const;
