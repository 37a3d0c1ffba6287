/** Something that stops the design from printing, attached to the field it concerns. */
export interface Problem {
  /** Path in the design, such as `imprint.promoter.address` or `pages[0].elements[1].text`. */
  path: string;
  message: string;
  /**
   * schema: the design does not validate; sample-imprint: the imprint still has a template's sample or a
   * placeholder; layout: text does not fit; server: the server refused it.
   */
  source: 'schema' | 'sample-imprint' | 'layout' | 'server';
}
