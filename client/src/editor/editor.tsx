import { LanguageField } from './language-field';
import { useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import type { AssetInfo } from '../../../common/layout/layout-design';
import { SaveDesignButton } from '../designs/save-design-button';
import { SendForSignOff } from '../sign-off/send-for-sign-off';
import type { Draft } from '../drafts/draft';
import { useDraft } from '../drafts/use-draft';
import { useAssetSizes } from '../preview/use-asset-sizes';
import { PrintPanel } from '../print/print-panel';
import { QueuedPrintAlert } from '../print/queued-print-alert';
import { usePrintJob } from '../print/use-print-job';
import { checkDesign } from './check-design';
import { EditorHeader } from './editor-header';
import { ElementList } from './element-list';
import { pageName } from './element-label';
import { focusField } from './focus-field';
import { HistoryButtons } from './history-buttons';
import { ImprintForm } from './imprint-form';
import { PageTabs } from './page-tabs';
import { PreviewPane } from './preview-pane';
import { ProblemsContext } from './problems-context';
import { TextField } from './text-field';
import { withElement, withImprint, withPage } from './update-design';
import { useDesignHistory } from './use-design-history';
import { BrandKitContext, useLoadedBrandKit } from './brand-kit-context';
import './editor.css';

/** The designer for one draft: preview on one side, fields on the other, imprint and printing below them. */
export function Editor({ initial }: { initial: Draft }) {
  const { draft, update, saveState } = useDraft(initial);
  const { design } = draft;
  const page = Math.min(draft.page, design.pages.length - 1);
  const history = useDesignHistory(design, update);
  const brandKit = useLoadedBrandKit();
  const locks = useMemo(() => (draft.template ? { ids: new Set(draft.template.locked), by: draft.template.organisationName } : null), [draft.template]);

  const rememberAsset = useCallback(
    (id: string, size: AssetInfo) => update((d) => (d.assets[id]?.width === size.width && d.assets[id]?.height === size.height ? d : { ...d, assets: { ...d.assets, [id]: size } })),
    [update],
  );
  const assets = useAssetSizes(design, draft.assets, rememberAsset);
  const assetMap = useMemo(() => new Map(Object.entries(assets)), [assets]);
  // Typing stays smooth on long designs: the layout may trail a keystroke behind.
  const checkedDesign = useDeferredValue(design);
  const check = useMemo(() => checkDesign(checkedDesign, assetMap), [checkedDesign, assetMap]);
  const lastPreview = useRef(check.preview);
  if (check.preview) lastPreview.current = check.preview;
  const preview = check.preview ?? lastPreview.current;

  // Phones: the preview is a thumbnail pinned to the top of the screen, or full-size in place (editor.css).
  const [largePreview, setLargePreview] = useState(false);

  const print = usePrintJob(draft, update);
  const problems = useMemo(() => [...check.problems, ...print.serverProblems], [check.problems, print.serverProblems]);
  const problemCounts = design.pages.map((_, i) => problems.filter((p) => p.path.startsWith(`pages[${i}]`)).length);

  const goToField = (path: string) => {
    const onPage = /^pages\[(\d+)\]/.exec(path);
    if (onPage && Number(onPage[1]) !== page) update((d) => ({ ...d, page: Number(onPage[1]) }));
    requestAnimationFrame(() => focusField(path));
  };
  const onElementClick = (elementId: string) => {
    const index = design.pages[page]?.elements.findIndex((e) => e.id === elementId) ?? -1;
    if (index >= 0) goToField(`pages[${page}].elements[${index}]`);
  };

  return (
    <BrandKitContext.Provider value={brandKit}>
    <ProblemsContext.Provider value={problems}>
      <EditorHeader title={design.title} saveState={saveState} actions={
          <>
            <HistoryButtons history={history} />
            <SaveDesignButton draft={draft} update={update} />
            <SendForSignOff draft={draft} update={update} />
          </>
        } />
      <QueuedPrintAlert state={print.state} />
      <main id="main" tabIndex={-1} className="editor-layout">
        <section className={largePreview ? 'editor-preview preview-large' : 'editor-preview'} aria-labelledby="preview-heading">
          <h2 id="preview-heading" className="visually-hidden">
            Preview
          </h2>
          <div className="preview-bar">
            <PageTabs pageCount={design.pages.length} current={page} problemCounts={problemCounts} onSelect={(p) => update((d) => ({ ...d, page: p }))} />
            <button type="button" className="button-quiet preview-size-toggle" aria-pressed={largePreview} onClick={() => setLargePreview((large) => !large)}>
              Large preview
            </button>
          </div>
          {preview ? <PreviewPane preview={preview} pageIndex={page} behind={check.preview === null} onElementClick={onElementClick} /> : <p>Preparing the preview…</p>}
        </section>
        <div className="editor-panel">
          <section className="panel-section" aria-labelledby="content-heading">
            <h2 id="content-heading">{design.pages.length > 1 ? `${pageName(page, design.pages.length)}: words, pictures and colours` : 'Words, pictures and colours'}</h2>
            <TextField path="title" label="Leaflet name" hint="For your list of drafts and the PDF's details; it is not printed." value={design.title} onChange={(title) => update((d) => ({ ...d, design: { ...d.design, title } }))} />
            <LanguageField value={design.language} onChange={(language) => update((d) => ({ ...d, design: { ...d.design, language } }))} />
            <ElementList
              design={design}
              pageIndex={page}
              warnings={preview?.layout.warnings ?? []}
              onElementChange={(i, next) => update((d) => ({ ...d, design: withElement(d.design, page, i, next) }))}
              onBackgroundChange={(background) => update((d) => ({ ...d, design: withPage(d.design, page, { ...d.design.pages[page]!, background }) }))}
              onAssetUploaded={rememberAsset}
              locks={locks}
            />
          </section>
          <ImprintForm imprint={design.imprint} onChange={(imprint) => update((d) => ({ ...d, design: withImprint(d.design, imprint) }))} />
          <PrintPanel draft={draft} problems={problems} print={print} preview={preview} onGoToField={goToField} />
        </div>
      </main>
    </ProblemsContext.Provider>
    </BrandKitContext.Provider>
  );
}
