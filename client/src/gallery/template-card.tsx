import type { TemplateDetail } from '../api/templates-api';
import { formatLabel } from './format-label';
import { TemplateThumbnail } from './template-thumbnail';

/** One template in the gallery: its front page, format and size, and the button to start from it. */
export function TemplateCard({ template, onStart }: { template: TemplateDetail; onStart: (t: TemplateDetail) => void }) {
  const headingId = `template-${template.id}`;
  return (
    <li className="template-card">
      <article aria-labelledby={headingId}>
      <div className={`thumbnail-frame thumbnail-${template.format.orientation}`}>
        <TemplateThumbnail design={template.design} name={template.name} />
      </div>
      <h3 id={headingId}>{template.name}</h3>
      <p className="template-format">{formatLabel(template)}</p>
      <p className="template-description">{template.description}</p>
      <button type="button" className="button button-primary" onClick={() => onStart(template)}>
        Start with the {template.name}
      </button>
      </article>
    </li>
  );
}
