// What a page must hold for everyone: text contrast and tap target sizes, measured in the page.

/**
 * Every visible piece of text (placeholders too) whose contrast against what is behind it is
 * below `minimum`, with the colours compared. Opacity and translucent backgrounds are blended.
 */
export function lowContrast(page, minimum = 4.5) {
  return page.evaluate((minimum) => {
    const rgba = (value) => {
      const parts = value.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0, 0];
      return [parts[0], parts[1], parts[2], parts[3] ?? 1];
    };
    const over = (top, bottom) => {
      const a = top[3];
      return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat(1);
    };
    const luminance = ([r, g, b]) => {
      const channel = (c) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const ratio = (a, b) => {
      const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (light + 0.05) / (dark + 0.05);
    };
    /** The colour behind `element`: its own and its ancestors' backgrounds, blended. */
    const behind = (element) => {
      const layers = [];
      for (let node = element; node; node = node.parentElement) {
        const color = rgba(getComputedStyle(node).backgroundColor);
        if (color[3] > 0) layers.push(color);
        if (color[3] === 1) break;
      }
      return layers.reverse().reduce((bottom, top) => over(top, bottom), [255, 255, 255, 1]);
    };
    const opacity = (element) => {
      let product = 1;
      for (let node = element; node; node = node.parentElement) product *= Number(getComputedStyle(node).opacity);
      return product;
    };
    const visible = (element) => {
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      return style.visibility === 'visible' && box.width > 1 && box.height > 1 && opacity(element) > 0;
    };
    const failures = [];
    const check = (element, color, text) => {
      const background = behind(element);
      const foreground = rgba(color);
      foreground[3] *= opacity(element);
      const contrast = ratio(over(foreground, background), background);
      if (contrast < minimum) {
        failures.push({
          text: text.trim().slice(0, 40),
          contrast: Math.round(contrast * 100) / 100,
          color,
          background,
        });
      }
    };
    for (const element of document.querySelectorAll('body *')) {
      if (!visible(element) || element.closest(':disabled')) continue;
      const text = [...element.childNodes]
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent)
        .join('');
      if (text.trim()) check(element, getComputedStyle(element).color, text);
      if ((element.matches('input, textarea') && element.placeholder && !element.value) || false) {
        check(element, getComputedStyle(element, '::placeholder').color, element.placeholder);
      }
    }
    return failures;
  }, minimum);
}

/** Every visible control smaller than `size` × `size` px (a checkbox counts with its label). */
export function smallTargets(page, size = 44) {
  return page.evaluate((size) => {
    const controls = document.querySelectorAll('button, input:not([type="checkbox"]), textarea, label.check');
    return [...controls]
      .filter((control) => {
        const box = control.getBoundingClientRect();
        return getComputedStyle(control).visibility === 'visible' && box.width > 0 && box.height > 0;
      })
      .map((control) => {
        const box = control.getBoundingClientRect();
        return { control: control.id || control.textContent.trim(), width: box.width, height: box.height };
      })
      .filter(({ width, height }) => width < size - 0.5 || height < size - 0.5);
  }, size);
}
