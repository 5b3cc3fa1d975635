// Click to load an embedded post or video (components/story/blocks/Embed.tsx, docs/decisions/0041). Only pages
// with an embed load this file. Until the reader presses "Load", nothing is requested from the provider; then
// its frame replaces the placeholder, at the placeholder's size, and takes the focus. One listener for every
// embed on the page, so a press before this file has run is the only one lost.
document.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('.embed__load') : null;
  const box = button && button.closest('.embed__box');
  if (!box || !box.dataset.frameSrc) return;
  const frame = document.createElement('iframe');
  frame.className = 'embed__frame';
  frame.src = box.dataset.frameSrc;
  frame.title = box.dataset.frameTitle || '';
  frame.allow = 'encrypted-media; picture-in-picture; fullscreen';
  frame.referrerPolicy = 'strict-origin-when-cross-origin';
  frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-presentation');
  box.replaceChildren(frame);
  frame.focus();
});
