// Tables of the claim schedules' pages (such as /mentor) and of /rules reflow on a phone (WCAG 1.4.10): each cell gets its column's heading as data-label,
// which the style shows above the cell once the rows stack. Tables are rebuilt by the pages' scripts, so this
// follows every change; it reads the headings the page already shows and adds no words of its own.

function label(table) {
  const headings = [...table.querySelectorAll('thead th')].map((th) => th.textContent.trim());
  if (!headings.length) return;
  table.classList.add('reflow');
  table.querySelectorAll('tbody tr').forEach((row) => {
    [...row.children].forEach((cell, i) => {
      if (headings[i]) cell.dataset.label = headings[i];
      else delete cell.dataset.label;
    });
  });
}

function labelAll() {
  document.querySelectorAll('main table').forEach(label);
}

let queued = false;
new MutationObserver(() => {
  if (queued) return;
  queued = true;
  requestAnimationFrame(() => {
    queued = false;
    labelAll();
  });
}).observe(document.body, { childList: true, subtree: true, characterData: true });
labelAll();
