import { designSchema, type Design, type DesignInput } from '../../../common/design/design-schema';
import type { LaidOutDesign } from '../../../common/layout/draw-items';
import { layoutDesign, type AssetInfo } from '../../../common/layout/layout-design';
import { formatPath } from './format-path';
import { layoutProblemMessage } from './layout-problem-message';
import type { Problem } from './problem';
import { withImprintPlaceholders } from './imprint-placeholders';
import { sampleImprintProblems } from '../../../common/templates/sample-imprint-problems';

/** A design as the editor sees it after every change. */
export interface DesignCheck {
  /** The design to preview (the real one, or with placeholders in an unfinished imprint); null when even that does not validate. */
  preview: { design: Design; layout: LaidOutDesign } | null;
  /** Everything that stops printing; empty when the design may be sent. */
  problems: Problem[];
}

/**
 * Validates the design with the same schema the server uses, and lays it out with the same code the
 * worker uses, so what blocks printing here is what the server would refuse.
 */
export function checkDesign(input: DesignInput, assets: ReadonlyMap<string, AssetInfo>): DesignCheck {
  const strict = designSchema.safeParse(input);
  if (strict.success) {
    const layout = layoutDesign(strict.data, assets);
    return { preview: { design: strict.data, layout }, problems: [...sampleProblems(input, []), ...layoutProblems(layout)] };
  }
  const schemaProblems: Problem[] = strict.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message, source: 'schema' }));
  const problems = [...schemaProblems, ...sampleProblems(input, schemaProblems)];
  // An imprint being typed in should not freeze the preview: show it with placeholders meanwhile.
  const tolerant = designSchema.safeParse(withImprintPlaceholders(input));
  if (!tolerant.success) return { preview: null, problems };
  const layout = layoutDesign(tolerant.data, assets);
  return { preview: { design: tolerant.data, layout }, problems: [...problems, ...layoutProblems(layout).filter((p) => p.path !== 'imprint')] };
}

/**
 * Imprint details still a template's sample or a placeholder (the check the server and the worker make),
 * except where the schema already has something to say about the field (an empty one is "required").
 */
function sampleProblems(input: DesignInput, already: readonly Problem[]): Problem[] {
  return sampleImprintProblems(input.imprint)
    .map((p): Problem => ({ path: formatPath(p.path), message: p.message, source: 'sample-imprint' }))
    .filter((p) => !already.some((a) => a.path === p.path));
}

function layoutProblems(layout: LaidOutDesign): Problem[] {
  return layout.errors.map((e) => ({ path: formatPath(e.path), message: layoutProblemMessage(e), source: 'layout' }));
}
