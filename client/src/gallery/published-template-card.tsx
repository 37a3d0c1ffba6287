import type { PublishedTemplateResponse } from '../api/published-templates-api';
import { trimSize } from '../../../common/design/paper-formats';
import { formatLabel } from './format-label';
import { TemplateThumbnail } from './template-thumbnail';

/** One template published by an organisation above this one: its front page, who published it, what it locks, and the button to start from it. */
export function PublishedTemplateCard({ template, busy, onStart }: { template: PublishedTemplateResponse; busy: boolean; onStart: (t: PublishedTemplateResponse) => void }) {
  const headingId = `published-template-${template.id}`;
  const trim = trimSize(template.format.size, template.format.orientation);
  const size = { format: { ...template.format, widthMm: trim.width, heightMm: trim.height }, pages: template.pages };
  return (
    <li className="template-card">
      <article aria-labelledby={headingId}>
        <div className={`thumbnail-frame thumbnail-${template.format.orientation}`}>
          <TemplateThumbnail design={template.design} name={template.name} />
        </div>
        <h3 id={headingId}>{template.name}</h3>
        <p className="template-format">{formatLabel(size as Parameters<typeof formatLabel>[0])}</p>
        <p className="template-description">
          From {template.organisation.name}, version {template.version}.{' '}
          {template.locked.length > 0 ? `${template.locked.length === 1 ? 'One part is' : `${template.locked.length} parts are`} locked: you cannot move, change or delete ${template.locked.length === 1 ? 'it' : 'them'}.` : 'Nothing in it is locked.'}
        </p>
        <button type="button" className="button button-primary" disabled={busy} onClick={() => onStart(template)}>
          Start with the {template.name}
        </button>
      </article>
    </li>
  );
}
