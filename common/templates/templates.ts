import { buildTemplate, type Template } from './build-template';
import { SAMPLE_PARAGRAPHS } from './sample-imprint';
import { SAMPLE_PHOTO_ID } from './sample-photo';

/** Template colours are inks (CMYK percent), so what the preview proofs is what prints. */
const RED = 'cmyk(0, 100, 85, 0)';
const DARK = 'cmyk(0, 0, 0, 100)';
const CREAM = 'cmyk(2, 3, 9, 0)';
const WHITE = 'cmyk(0, 0, 0, 0)';
const YELLOW = 'cmyk(0, 15, 100, 0)';
const QR_URL = 'https://example.org/join';

/** A5 two-sided flyer: the reference leaflet the benchmark renders. */
const a5Flyer = buildTemplate('a5-flyer', 'A5 two-sided flyer', 'Colour band, headline, photo, three paragraphs, a list and a reply slip on the back.', {
  title: 'A5 flyer',
  format: { size: 'A5', orientation: 'portrait' },
  pages: [
    {
      elements: [
        { id: 'band', kind: 'shape', box: { x: 0, y: 0, width: 148, height: 46 }, fill: RED },
        { id: 'headline', kind: 'heading', box: { x: 8, y: 8, width: 132, height: 34 }, text: 'A bus every ten minutes', fontSize: 36, minFontSize: 20, colour: WHITE },
        { id: 'photo', kind: 'image', box: { x: 0, y: 46, width: 148, height: 52 }, assetId: SAMPLE_PHOTO_ID, fit: 'cover', alt: 'The candidate at the bus station' },
        {
          id: 'body',
          kind: 'text',
          box: { x: 8, y: 102, width: 132, height: 80 },
          fontSize: 9,
          minFontSize: 7,
          blocks: [
            { type: 'paragraph', text: SAMPLE_PARAGRAPHS[0]! },
            { type: 'paragraph', text: SAMPLE_PARAGRAPHS[1]! },
            { type: 'paragraph', text: SAMPLE_PARAGRAPHS[2]! },
            { type: 'bullets', items: ['Buses every ten minutes on the main routes', 'The library open six days a week', 'Every letter answered within a fortnight'] },
          ],
        },
        { id: 'qr', kind: 'qr', box: { x: 116, y: 180, width: 24, height: 24 }, url: QR_URL },
        { id: 'vote', kind: 'heading', box: { x: 8, y: 186, width: 104, height: 14 }, text: 'Vote on Thursday 7 May', fontSize: 16, colour: RED },
      ],
    },
    {
      elements: [
        { id: 'back-heading', kind: 'heading', box: { x: 8, y: 8, width: 132, height: 16 }, text: 'Get involved', fontSize: 22, colour: RED },
        {
          id: 'back-body',
          kind: 'text',
          box: { x: 8, y: 28, width: 132, height: 70 },
          fontSize: 9,
          minFontSize: 7,
          blocks: [
            { type: 'paragraph', text: SAMPLE_PARAGRAPHS[0]! },
            { type: 'paragraph', text: SAMPLE_PARAGRAPHS[1]! },
          ],
        },
        { id: 'slip', kind: 'shape', box: { x: 8, y: 104, width: 132, height: 70 }, fill: CREAM, cornerRadius: 2 },
        {
          id: 'slip-text',
          kind: 'text',
          box: { x: 12, y: 108, width: 124, height: 62 },
          fontSize: 9,
          lineHeight: 1.9,
          blocks: [
            { type: 'paragraph', text: 'Reply slip: tear off and hand to your local team.' },
            { type: 'paragraph', text: 'Name: ______________________________________\nAddress: ____________________________________\n__________________________ Postcode: ________\nEmail: ______________________________________' },
            { type: 'bullets', items: ['I can deliver leaflets', 'I would like a poster for my window'] },
          ],
        },
        { id: 'imprint', kind: 'imprint', box: { x: 8, y: 186, width: 132, height: 16 }, fontSize: 6, minFontSize: 4.5 },
      ],
    },
  ],
}, { keepsWords: ['slip-text'] });

/** A6 postcard, landscape, single-sided. */
const a6Postcard = buildTemplate('a6-postcard', 'A6 postcard', 'Landscape, one side: a headline over a colour field, a short message and a QR code.', {
  title: 'A6 postcard',
  format: { size: 'A6', orientation: 'landscape' },
  pages: [
    {
      background: RED,
      elements: [
        { id: 'headline', kind: 'heading', box: { x: 8, y: 8, width: 100, height: 34 }, text: 'Your vote. Your town.', fontSize: 24, minFontSize: 14, colour: WHITE },
        { id: 'message', kind: 'text', box: { x: 8, y: 46, width: 100, height: 36 }, fontSize: 9, minFontSize: 7, colour: WHITE, blocks: [{ type: 'paragraph', text: 'Polling stations are open from 7am to 10pm on Thursday. Find yours by scanning the code.' }] },
        { id: 'qr-bg', kind: 'shape', box: { x: 114, y: 8, width: 29, height: 29 }, fill: WHITE, cornerRadius: 1.5 },
        { id: 'qr', kind: 'qr', box: { x: 114, y: 8, width: 29, height: 29 }, url: QR_URL },
        { id: 'imprint', kind: 'imprint', box: { x: 8, y: 86, width: 135, height: 14 }, fontSize: 5.5, minFontSize: 4.5, colour: WHITE },
      ],
    },
  ],
});

/** DL leaflet (99 x 210 mm), two-sided. */
const dlLeaflet = buildTemplate('dl-leaflet', 'DL leaflet', 'Tall and narrow, two-sided: fits an envelope or a letterbox easily.', {
  title: 'DL leaflet',
  format: { size: 'DL', orientation: 'portrait' },
  pages: [
    {
      elements: [
        { id: 'band', kind: 'shape', box: { x: 0, y: 0, width: 99, height: 70 }, fill: DARK },
        { id: 'headline', kind: 'heading', box: { x: 7, y: 8, width: 85, height: 56 }, text: 'Keep our library open', fontSize: 26, minFontSize: 16, colour: WHITE },
        { id: 'photo', kind: 'image', box: { x: 0, y: 70, width: 99, height: 55 }, assetId: SAMPLE_PHOTO_ID, fit: 'cover', alt: 'Campaigners outside the library' },
        { id: 'body', kind: 'text', box: { x: 7, y: 130, width: 85, height: 72 }, fontSize: 11, minFontSize: 8, blocks: [{ type: 'paragraph', text: SAMPLE_PARAGRAPHS[2]! }] },
      ],
    },
    {
      elements: [
        { id: 'heading', kind: 'heading', box: { x: 7, y: 8, width: 85, height: 20 }, text: 'What we will do', fontSize: 16, colour: RED },
        { id: 'list', kind: 'text', box: { x: 7, y: 30, width: 85, height: 110 }, fontSize: 9, minFontSize: 7, blocks: [{ type: 'bullets', items: ['Open six days a week', 'Free computer classes', 'A homework club for every school', 'Books in Welsh, Polish and Ukrainian'] }] },
        { id: 'qr', kind: 'qr', box: { x: 7, y: 150, width: 30, height: 30 }, url: QR_URL },
        { id: 'imprint', kind: 'imprint', box: { x: 7, y: 184, width: 85, height: 20 }, fontSize: 5.5, minFontSize: 4.5 },
      ],
    },
  ],
});

/** A4 poster: a window poster, single-sided. */
const a4Poster = buildTemplate('a4-poster', 'A4 poster', 'A window poster: one big message readable from across the street.', {
  title: 'A4 poster',
  format: { size: 'A4', orientation: 'portrait' },
  pages: [
    {
      background: YELLOW,
      elements: [
        { id: 'band', kind: 'shape', box: { x: 0, y: 200, width: 210, height: 97 }, fill: RED },
        { id: 'headline', kind: 'heading', box: { x: 12, y: 20, width: 186, height: 170 }, text: 'VOTE EVANS', fontSize: 96, minFontSize: 48, colour: DARK, align: 'center' },
        { id: 'sub', kind: 'heading', box: { x: 12, y: 214, width: 186, height: 40 }, text: 'Thursday 7 May', fontSize: 40, minFontSize: 24, colour: WHITE, align: 'center' },
        { id: 'imprint', kind: 'imprint', box: { x: 12, y: 272, width: 186, height: 14 }, fontSize: 7, minFontSize: 5, colour: WHITE, align: 'center' },
      ],
    },
  ],
});

/** A3 poster: a noticeboard poster with a photo, single-sided. */
const a3Poster = buildTemplate('a3-poster', 'A3 poster', 'A noticeboard poster with a photo, a headline and the date of a public meeting.', {
  title: 'A3 poster',
  format: { size: 'A3', orientation: 'portrait' },
  pages: [
    {
      elements: [
        { id: 'photo', kind: 'image', box: { x: 0, y: 0, width: 297, height: 200 }, assetId: SAMPLE_PHOTO_ID, fit: 'cover', alt: 'The high street' },
        { id: 'band', kind: 'shape', box: { x: 0, y: 200, width: 297, height: 220 }, fill: RED },
        { id: 'headline', kind: 'heading', box: { x: 16, y: 214, width: 265, height: 90 }, text: 'Public meeting: the future of our high street', fontSize: 54, minFontSize: 30, colour: WHITE },
        { id: 'details', kind: 'text', box: { x: 16, y: 310, width: 200, height: 70 }, fontSize: 20, minFontSize: 14, colour: WHITE, blocks: [{ type: 'paragraph', text: 'Wednesday 22 April, 7pm\nSt David’s Hall, Church Street\nEveryone welcome. Croeso i bawb.' }] },
        { id: 'qr-bg', kind: 'shape', box: { x: 233, y: 320, width: 48, height: 48 }, fill: WHITE },
        { id: 'qr', kind: 'qr', box: { x: 233, y: 320, width: 48, height: 48 }, url: QR_URL },
        { id: 'imprint', kind: 'imprint', box: { x: 16, y: 392, width: 265, height: 16 }, fontSize: 9, minFontSize: 6, colour: WHITE },
      ],
    },
  ],
});

/** A4 newsletter, two-sided, in columns. */
const a4Newsletter = buildTemplate('a4-newsletter', 'A4 newsletter', 'Two sides of news in columns, with a masthead, a photo and a QR code.', {
  title: 'A4 newsletter',
  format: { size: 'A4', orientation: 'portrait' },
  pages: [
    {
      elements: [
        { id: 'masthead', kind: 'shape', box: { x: 0, y: 0, width: 210, height: 36 }, fill: RED },
        { id: 'name', kind: 'heading', box: { x: 12, y: 9, width: 186, height: 20 }, text: 'Riverside Focus: Spring news', fontSize: 26, minFontSize: 16, colour: WHITE },
        { id: 'lead', kind: 'heading', box: { x: 12, y: 44, width: 186, height: 26 }, text: 'Flood defences finally approved after our petition', fontSize: 20, minFontSize: 14, colour: DARK },
        { id: 'photo', kind: 'image', box: { x: 12, y: 74, width: 186, height: 80 }, assetId: SAMPLE_PHOTO_ID, fit: 'cover', alt: 'Volunteers with the petition' },
        { id: 'col1', kind: 'text', box: { x: 12, y: 160, width: 89, height: 120 }, fontSize: 9, minFontSize: 7.5, blocks: [{ type: 'paragraph', text: SAMPLE_PARAGRAPHS[0]! }, { type: 'paragraph', text: SAMPLE_PARAGRAPHS[2]! }] },
        { id: 'col2', kind: 'text', box: { x: 109, y: 160, width: 89, height: 120 }, fontSize: 9, minFontSize: 7.5, blocks: [{ type: 'paragraph', text: SAMPLE_PARAGRAPHS[1]! }, { type: 'bullets', items: ['Petition signed by 3,214 residents', 'Work starts in September', 'Drop-in sessions every Tuesday'] }] },
      ],
    },
    {
      elements: [
        { id: 'heading', kind: 'heading', box: { x: 12, y: 12, width: 186, height: 16 }, text: 'Your local team', fontSize: 20, colour: RED },
        { id: 'body', kind: 'text', box: { x: 12, y: 32, width: 186, height: 150 }, fontSize: 10, minFontSize: 8, blocks: [{ type: 'paragraph', text: SAMPLE_PARAGRAPHS[2]! }, { type: 'paragraph', text: SAMPLE_PARAGRAPHS[0]! }, { type: 'paragraph', text: 'Γεια σας! Добрий день! Dzień dobry! Whatever language you speak at home, we are here to help: write to us or come to a drop-in session.' }] },
        { id: 'qr', kind: 'qr', box: { x: 12, y: 200, width: 36, height: 36 }, url: QR_URL },
        { id: 'qr-caption', kind: 'text', box: { x: 54, y: 204, width: 144, height: 30 }, fontSize: 11, blocks: [{ type: 'paragraph', text: 'Scan to join the team, report a problem, or ask for a poster for your window.' }] },
        { id: 'imprint', kind: 'imprint', box: { x: 12, y: 270, width: 186, height: 14 }, fontSize: 7, minFontSize: 5 },
      ],
    },
  ],
});

/** The built-in templates, in gallery order. */
export const TEMPLATES: readonly Template[] = [a5Flyer, a6Postcard, dlLeaflet, a4Poster, a3Poster, a4Newsletter];

/** The template with this id, or undefined. */
export function findTemplate(id: string): Template | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
