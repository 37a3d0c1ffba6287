import type { DesignInput } from '../../../common/design/design-schema';

/** An element as the editor holds it: the schema's input type (defaults may be absent). */
export type ElementInput = DesignInput['pages'][number]['elements'][number];
export type ElementKindInput = ElementInput['kind'];
export type ElementInputOf<K extends ElementKindInput> = Extract<ElementInput, { kind: K }>;
export type PageInput = DesignInput['pages'][number];
export type ImprintInput = DesignInput['imprint'];
