import { packageConfig } from "../tsdown.config.base.ts";

export default packageConfig(import.meta.url);
