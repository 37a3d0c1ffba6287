import { useMemo } from 'react';
import { designSchema, type DesignInput } from '../../../common/design/design-schema';
import { layoutDesign } from '../../../common/layout/layout-design';
import { PageSvg } from '../preview/page-svg';
import { useAssetSizes } from '../preview/use-asset-sizes';

/**
 * A design's front page (a template's, or a saved design's), laid out by the same code as the editor
 * and the printer, drawn small in the browser.
 * @param label What a screen reader hears; by default "Front page of the <name> template".
 */
export function TemplateThumbnail({ design, name, label }: { design: DesignInput; name: string; label?: string }) {
  const assets = useAssetSizes(design);
  const layout = useMemo(() => {
    const parsed = designSchema.safeParse(design);
    return parsed.success ? layoutDesign(parsed.data, new Map(Object.entries(assets))) : null;
  }, [design, assets]);
  if (!layout) return <div className="thumbnail-missing">No preview</div>;
  return <PageSvg layout={layout} pageIndex={0} title={label ?? `Front page of the ${name} template`} className="thumbnail" />;
}
