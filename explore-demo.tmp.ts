import { launchBrowser } from './e2e/harness/browser';
import { startDemoProcess } from './e2e/demo/demoProcess';
import { startScenario } from './e2e/demo/demoPageDriver';
import { SCENARIOS } from './demo/server/scenarios';
const demo = await startDemoProcess();
const browser = await launchBrowser();
try {
  for (const width of [375, 1280]) {
    const open = await startScenario(browser, demo.demoUrl, SCENARIOS[0]!, { viewport: { width, height: 740 } });
    for (const wait of [500, 3000]) {
      await open.page.waitForTimeout(wait);
      const h = await open.page.$eval('#capture iframe', (f) => [f.getAttribute('style'), (f as HTMLIFrameElement).getBoundingClientRect().height]);
      const frame = open.page.frames().find((f) => f.url().includes('/session/'))!;
      const inner = await frame.evaluate(() => [document.documentElement.scrollHeight, document.body.scrollHeight, innerHeight]);
      console.log(width, wait, JSON.stringify(h), JSON.stringify(inner));
    }
    console.log(open.consoleMessages.filter((m) => /resize|height/i.test(m)).slice(0, 10));
    await open.close();
  }
} finally {
  await browser.close();
  await demo.stop();
}
