import { useId, useRef, useState, type ChangeEvent } from 'react';
import { MIN_PRINT_DPI, REFUSE_BELOW_DPI } from '../../../../common/layout/layout-design';
import { UPLOAD_TYPES, uploadAsset } from '../../api/assets-api';
import { elementLabel } from '../element-label';
import { fieldId } from '../format-path';
import { TextField } from '../text-field';
import { BrandLogoChoice } from './brand-logo-choice';
import type { ElementEditorProps } from './element-editor-props';
import { uploadMessage } from './upload-message';

type Upload = { state: 'idle' } | { state: 'uploading'; fraction: number; name: string } | { state: 'failed'; message: string } | { state: 'done'; name: string };

/** Replacing a photo or logo: upload with a progress bar, and plain messages for a bad or too small file; or one of the brand kit's logos. */
export function ImageFields({ element, path, warnings, onChange, onAssetUploaded }: ElementEditorProps<'image'>) {
  const name = elementLabel(element.id);
  const uid = useId();
  const [upload, setUpload] = useState<Upload>({ state: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const lowRes = warnings.find((w) => w.code === 'low-resolution-image');
  const unknown = warnings.find((w) => w.code === 'unknown-image');

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    if (!(UPLOAD_TYPES as readonly string[]).includes(file.type)) {
      setUpload({ state: 'failed', message: `“${file.name}” is not a PNG or JPEG image. Choose a PNG or JPEG photo or logo.` });
      return;
    }
    abort.current?.abort();
    abort.current = new AbortController();
    setUpload({ state: 'uploading', fraction: 0, name: file.name });
    try {
      const asset = await uploadAsset(file, (fraction) => setUpload({ state: 'uploading', fraction, name: file.name }), abort.current.signal);
      onAssetUploaded(asset.id, { width: asset.width, height: asset.height });
      // The description was of the old picture: it goes with it, and the field asks for a new one.
      onChange({ ...element, assetId: asset.id, alt: '' });
      setUpload({ state: 'done', name: file.name });
    } catch (err) {
      if ((err as Error).name === 'AbortError') return;
      setUpload({ state: 'failed', message: uploadMessage(err, file) });
    }
  };

  const needed = `about ${Math.ceil((element.box.width / 25.4) * MIN_PRINT_DPI)} × ${Math.ceil((element.box.height / 25.4) * MIN_PRINT_DPI)} pixels`;
  return (
    <>
      <div className="field">
        <label htmlFor={fieldId(`${path}.assetId`)}>{name}: upload a photo or logo</label>
        <p className="field-hint" id={`${uid}-hint`}>
          PNG or JPEG. For a sharp print this box needs {needed} ({element.box.width} × {element.box.height} mm at {MIN_PRINT_DPI} dots per inch).
        </p>
        <input id={fieldId(`${path}.assetId`)} type="file" accept={UPLOAD_TYPES.join(',')} aria-describedby={`${uid}-hint ${uid}-status`} onChange={onFile} />
        <div id={`${uid}-status`} role="status" className="upload-status">
          {upload.state === 'uploading' ? (
            <>
              <label htmlFor={`${uid}-progress`}>Uploading {upload.name}</label>
              <progress id={`${uid}-progress`} max={1} value={upload.fraction}>
                {Math.round(upload.fraction * 100)}%
              </progress>
            </>
          ) : null}
          {upload.state === 'done' ? <p className="field-ok">{upload.name} is in the leaflet.</p> : null}
          {upload.state === 'failed' ? <p className="field-problem">{upload.message}</p> : null}
          {lowRes ? <p className="field-warning">{lowResolutionMessage(lowRes.ppi ?? 0, needed)}</p> : null}
          {unknown && upload.state !== 'uploading' ? <p className="field-warning">This picture could not be loaded. Upload it again.</p> : null}
        </div>
      </div>
      <BrandLogoChoice
        name={name}
        assetId={element.assetId}
        onChoose={(logo) => {
          abort.current?.abort();
          setUpload({ state: 'idle' });
          // A logo is shown whole (never cropped), and described by its name in the kit.
          onChange({ ...element, assetId: logo.assetId, alt: logo.name, fit: 'contain' });
        }}
      />
      <TextField
        path={`${path}.alt`}
        label={`${name}: description`}
        hint="A few words saying what the picture shows, for people who cannot see it."
        value={element.alt ?? ''}
        onChange={(alt) => onChange({ ...element, alt })}
      />
      {upload.state === 'done' && !element.alt?.trim() ? (
        <p className="field-warning" id={`${uid}-alt-needed`}>
          Describe the new picture in a few words: the description of the old one has been removed.
        </p>
      ) : null}
      <div className="field">
        <label htmlFor={fieldId(`${path}.fit`)}>{name}: how it fills its box</label>
        <select id={fieldId(`${path}.fit`)} value={element.fit ?? 'cover'} onChange={(e) => onChange({ ...element, fit: e.target.value as 'cover' | 'contain' })}>
          <option value="cover">Fill the box (edges may be cropped)</option>
          <option value="contain">Show the whole picture (may leave space)</option>
        </select>
      </div>
      <fieldset className="image-position" id={fieldId(`${path}.position`)}>
        <legend>{name}: which part shows</legend>
        <p className="field-hint">When the picture is cropped, or leaves space in its box, move it inside the box.</p>
        {(['x', 'y'] as const).map((axis) => {
          const value = element.position?.[axis] ?? 50;
          const words = axis === 'x' ? ['Left to right', 'left', 'right'] : ['Top to bottom', 'top', 'bottom'];
          return (
            <div key={axis} className="field image-position-axis">
              <label htmlFor={fieldId(`${path}.position.${axis}`)}>{words[0]}</label>
              <input
                id={fieldId(`${path}.position.${axis}`)}
                type="range"
                min={0}
                max={100}
                step={5}
                value={value}
                aria-valuetext={value === 50 ? 'centred' : `${value}% towards the ${words[2]}`}
                onChange={(e) => onChange({ ...element, position: { x: element.position?.x ?? 50, y: element.position?.y ?? 50, [axis]: e.target.valueAsNumber } })}
              />
            </div>
          );
        })}
      </fieldset>
    </>
  );
}

/** Below this many dots per inch a photo looks clearly blurred in print; between it and MIN_PRINT_DPI, a little soft. */
const BLURRED_DPI = 200;

function lowResolutionMessage(ppi: number, needed: string): string {
  const effect = ppi >= BLURRED_DPI ? 'it may look a little soft' : 'it will look blurred';
  // The server refuses these unless the campaigner confirms: say so now rather than at Send.
  const ask = ppi < REFUSE_BELOW_DPI ? ' Printing it as it is needs your confirmation when you send the leaflet.' : '';
  return `Too low resolution for print at this size: ${ppi} dots per inch, where printers ask for ${MIN_PRINT_DPI}, so ${effect}. For a sharp print use an image of ${needed}.${ask}`;
}
