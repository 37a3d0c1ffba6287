import type { ComponentType } from 'react';
import type { ElementInput, ElementKindInput } from '../design-types';
import type { ElementEditorProps } from './element-editor-props';
import { HeadingFields } from './heading-fields';
import { ImageFields } from './image-fields';
import { ImprintElementFields } from './imprint-element-fields';
import { QrFields } from './qr-fields';
import { ShapeFields } from './shape-fields';
import { TextFields } from './text-fields';

/** One editor per element kind: a new kind without one does not compile. */
const EDITORS: { [K in ElementKindInput]: ComponentType<ElementEditorProps<K>> } = {
  heading: HeadingFields,
  text: TextFields,
  image: ImageFields,
  qr: QrFields,
  shape: ShapeFields,
  imprint: ImprintElementFields,
};

/** The fields of one element, by its kind. */
export function ElementFields(props: Omit<ElementEditorProps<ElementKindInput>, 'element' | 'onChange'> & { element: ElementInput; onChange: (next: ElementInput) => void }) {
  const Editor = EDITORS[props.element.kind] as ComponentType<ElementEditorProps<ElementKindInput>>;
  return <Editor {...(props as ElementEditorProps<ElementKindInput>)} />;
}
