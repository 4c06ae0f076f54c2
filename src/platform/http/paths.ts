/** Every page lives under a language prefix. */
export const L = '/:locale{en|fr}';
