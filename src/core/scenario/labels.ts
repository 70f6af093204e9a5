// The labels are vocabulary the principles are written in (`applies:`), so they live with the principles;
// the scenario layer, which decides them, re-exports them.
export * from '../principles/scenarioLabels';
