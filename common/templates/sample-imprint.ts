import type { DesignInput } from '../design/design-schema';

/** The example imprint every template ships with; campaigners replace it with their own. */
export const SAMPLE_IMPRINT: DesignInput['imprint'] = {
  printer: { name: 'Example Print Co-operative', address: '1 Example Street, Cardiff CF10 1AA' },
  promoter: { name: 'Alex Example', address: '2 Sample Road, Cardiff CF10 2BB' },
  onBehalfOf: { name: 'Example Party', address: '3 Specimen Lane, Cardiff CF10 3CC' },
};

/** The organisation palette templates offer, as inks: a red, black, white (no ink), a cream, a yellow and a deep blue. */
export const SAMPLE_PALETTE = ['cmyk(0, 100, 85, 0)', 'cmyk(0, 0, 0, 100)', 'cmyk(0, 0, 0, 0)', 'cmyk(2, 3, 9, 0)', 'cmyk(0, 15, 100, 0)', 'cmyk(100, 70, 0, 20)'];

/** What the palette picker calls the sample palette's colours (others are named from their hue). */
export const SAMPLE_PALETTE_NAMES: Readonly<Record<string, string>> = {
  'cmyk(0, 100, 85, 0)': 'Red',
  'cmyk(0, 0, 0, 100)': 'Black',
  'cmyk(0, 0, 0, 0)': 'White',
  'cmyk(2, 3, 9, 0)': 'Cream',
  'cmyk(0, 15, 100, 0)': 'Yellow',
  'cmyk(100, 70, 0, 20)': 'Deep blue',
};

/** About sixty words a paragraph, in English with some Welsh (ŵ, ŷ), as real Welsh leaflets have. */
export const SAMPLE_PARAGRAPHS = [
  'For four years our town has waited for the bus routes that were promised. We knocked on ten thousand doors this spring and the message was the same on every street: people want buses that run on time, a library that stays open, and a council that answers its letters. We will deliver all three.',
  'Mae pob tŷ yn cyfrif. Every house counts, and every voice matters. We have a plan for dŵr glân in every school, safe crossings on the high street, and fair rents for young families who want to stay in the place where they grew up. It is costed, it is practical, and it starts on day one.',
  'Our candidate has lived here for twenty years, volunteered at the food bank every Saturday, and chaired the residents’ association through the flood. She knows what the town needs because she hears it at the school gate and the bus stop, not in a committee room far away.',
];
