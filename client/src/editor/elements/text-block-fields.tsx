import type { TextBlock } from '../../../../common/design/design-schema';
import { fieldId } from '../format-path';
import { TextField } from '../text-field';

interface TextBlockFieldsProps {
  block: TextBlock;
  /** Path of the block, such as `pages[0].elements[3].blocks[1]`. */
  path: string;
  /** "Body paragraph 2", "Body list 1". */
  label: string;
  onChange: (next: TextBlock) => void;
}

/** A paragraph as a text area, or a bulleted list as one field per item with buttons to add and remove items. */
export function TextBlockFields({ block, path, label, onChange }: TextBlockFieldsProps) {
  if (block.type === 'paragraph') {
    return <TextField path={`${path}.text`} label={label} value={block.text} rows={4} onChange={(text) => onChange({ ...block, text })} />;
  }
  const setItems = (items: string[]) => onChange({ ...block, items });
  const addItem = () => {
    setItems([...block.items, '']);
    // Move to the new item once React has drawn it.
    requestAnimationFrame(() => document.getElementById(fieldId(`${path}.items[${block.items.length}]`))?.focus());
  };
  return (
    <fieldset className="bullet-list">
      <legend>{label}</legend>
      {block.items.map((item, i) => (
        <div key={i} className="bullet-item">
          <TextField path={`${path}.items[${i}]`} label={`${label}, item ${i + 1}`} value={item} onChange={(text) => setItems(block.items.map((it, j) => (j === i ? text : it)))} />
          {block.items.length > 1 ? (
            <button type="button" className="button-quiet" aria-label={`Remove ${label}, item ${i + 1}`} onClick={() => setItems(block.items.filter((_, j) => j !== i))}>
              Remove
            </button>
          ) : null}
        </div>
      ))}
      {block.items.length < 30 ? (
        <button type="button" className="button-quiet" onClick={addItem}>
          Add an item to {label.toLowerCase()}
        </button>
      ) : null}
    </fieldset>
  );
}
