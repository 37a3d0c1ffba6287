/** The font files (from the npm package dejavu-fonts-ttf) behind each weight the layout knows. */
export const FONT_FILES = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
} as const;

export type FontWeight = keyof typeof FONT_FILES;
