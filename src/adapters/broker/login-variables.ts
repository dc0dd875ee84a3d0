// Variables that choose a brokered program's login, server, profile or client behaviour. The broker drops
// them from the child (src/broker/child-env.ts) and the hook from the environment it assesses the routed
// command with, from these same patterns, so that both decide the same action and bind the same digest.

export const DATABASE_VARIABLES = /^(PG|PSQL)/;
export const AWS_VARIABLES = /^AWS_/;
export const KUBERNETES_VARIABLES = /^KUBE/;
