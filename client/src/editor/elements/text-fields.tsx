import { BLACK } from '../../../../common/design/colour';
import { elementLabel } from '../element-label';
import { PalettePicker } from '../palette-picker';
import { TypefaceSelect } from '../typeface-select';
import { useProblemsAt } from '../problems-context';
import type { ElementEditorProps } from './element-editor-props';
import { TextBlockFields } from './text-block-fields';

export function TextFields({ element, path, palette, onChange }: ElementEditorProps<'text'>) {
  const name = elementLabel(element.id);
  const blockProblems = useProblemsAt(`${path}.blocks`);
  let paragraphs = 0;
  let lists = 0;
  return (
    <>
      {element.blocks.map((block, i) => {
        const label = block.type === 'paragraph' ? `${name} paragraph ${++paragraphs}` : `${name} list ${++lists}`;
        return (
          <TextBlockFields
            key={i}
            block={block}
            path={`${path}.blocks[${i}]`}
            label={label}
            onChange={(next) => onChange({ ...element, blocks: element.blocks.map((b, j) => (j === i ? next : b)) })}
          />
        );
      })}
      {blockProblems.map((p, i) => (
        <p key={i} className="field-problem">
          {p.message}
        </p>
      ))}
      <TypefaceSelect path={`${path}.font`} label={`${name} typeface`} value={element.font} onChange={(font) => onChange({ ...element, font })} />
      <PalettePicker path={`${path}.colour`} legend={`${name} colour`} value={element.colour ?? BLACK} palette={palette} onChange={(colour) => onChange({ ...element, colour })} />
    </>
  );
}
