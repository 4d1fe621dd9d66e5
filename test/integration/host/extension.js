// Runs the compiled integration suite once the window has started, when the test runner asked for it
// (CLOUD_COACH_INTEGRATION_INDEX), and writes mocha's JSON report where the runner reads it.
const fs = require('node:fs');

exports.activate = function activate() {
  const index = process.env.CLOUD_COACH_INTEGRATION_INDEX;
  const report = process.env.CLOUD_COACH_INTEGRATION_REPORT;
  if (!index || !report) return;
  const done = (error) => {
    if (error && !fs.existsSync(report)) fs.writeFileSync(report, JSON.stringify({ error: String(error && error.stack ? error.stack : error) }));
    fs.writeFileSync(`${report}.done`, error ? 'failed' : 'passed');
  };
  setTimeout(() => {
    try {
      require(index)
        .run({ reporter: 'json', reporterOptions: { output: report } })
        .then(() => done(), (e) => done(e));
    } catch (e) {
      done(e);
    }
  }, 1000);
};

exports.deactivate = function deactivate() {};
