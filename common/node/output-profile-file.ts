import fs from 'node:fs';
import path from 'node:path';
import { OUTPUT_PROFILE } from '../colour/output-profile';

/**
 * Path of the output ICC profile. tsc does not copy it into dist/, so compiled code (which runs from
 * dist/common/node/) finds it in the source folder instead, like the sample photo.
 */
export const OUTPUT_PROFILE_PATH =
  [path.join(__dirname, '..', 'colour', 'profiles', OUTPUT_PROFILE.file), path.join(__dirname, '..', '..', '..', 'common', 'colour', 'profiles', OUTPUT_PROFILE.file)].find((p) =>
    fs.existsSync(p),
  ) ?? path.join(__dirname, '..', 'colour', 'profiles', OUTPUT_PROFILE.file);

let bytes: Buffer | undefined;

/** The output profile's bytes, read once per process (about 350 KB, embedded in every PDF's OutputIntent). */
export function outputProfileBytes(): Buffer {
  return (bytes ??= fs.readFileSync(OUTPUT_PROFILE_PATH));
}
