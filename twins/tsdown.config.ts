import { packageConfig } from "@clientele/release/tsdown-config";

export default packageConfig(import.meta.url);
