// A script-tag page's code: the `Tokenframe` global is typed by the package's `declare global`.
import type {} from '@tokenframe/js';

const plugin = window.Tokenframe.create(document.body, { autoHeight: true });
plugin.on(window.Tokenframe.EVENTS.TOKEN_SUCCESS, (event) =>
  console.log(event.funding_destination),
);
// @ts-expect-error a misspelt payload field
plugin.on('TOKEN_SUCCESS', (event) => console.log(event.funding_destinaton));
