// The project finds or installs its own browser (scripts/setup.mjs): never let npm download one,
// since that fails on machines without general internet access.
module.exports = { skipDownload: true };
