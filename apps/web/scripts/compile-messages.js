// Compiles the zh-CN/en messages outside Vite (svelte-check needs them before it runs).
import { compile } from '@inlang/paraglide-js';
import { paraglideOptions } from '../paraglide.config.js';

await compile(paraglideOptions);
