import { useMemo } from 'react';
import { designSchema, type DesignInput } from '../../../common/design/design-schema';
import { layoutDesign } from '../../../common/layout/layout-design';
import { PageSvg } from '../preview/page-svg';
import { useAssetSizes } from '../preview/use-asset-sizes';

/** A template's front page, laid out by the same code as the editor and the printer, drawn small. */
export function TemplateThumbnail({ design, name }: { design: DesignInput; name: string }) {
  const assets = useAssetSizes(design);
  const layout = useMemo(() => {
    const parsed = designSchema.safeParse(design);
    return parsed.success ? layoutDesign(parsed.data, new Map(Object.entries(assets))) : null;
  }, [design, assets]);
  if (!layout) return <div className="thumbnail-missing">No preview</div>;
  return <PageSvg layout={layout} pageIndex={0} title={`Front page of the ${name} template`} className="thumbnail" />;
}
