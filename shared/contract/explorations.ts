// explorations.*: exploration runs (a beam search over improvement actions), the whole tree of
// scenario nodes in one compact call with the winner path and the best path computed, one node in
// full with its deltas against its parent, and one exploration with its winning path as steps.
import { z } from 'zod';
import { returns, type MethodDefinition } from './define';
import type { JsonCell } from './json-value';
import { pageParams, type Page } from './paging';

// ---- result types -------------------------------------------------------------------------------

/** explorations.goal read tolerantly ({metric: "success_rate", operator: ">=", value}). */
export interface ExplorationGoal {
  metric: string | null;
  operator: string | null;
  value: number | null;
}

/** explorations.config read tolerantly; missing keys are null. */
export interface ExplorationConfigSummary {
  beamWidth: number | null;
  maxDepth: number | null;
  maxLlmCalls: number | null;
  nExecutions: number | null;
  sigma: number | null;
  seed: number | null;
}

export interface ExplorationListRow {
  id: string;
  experimentId: string | null;
  /** null when the experiment row is missing (no foreign key is trusted). */
  experimentName: string | null;
  /** The experiment is soft-deleted (status 'deleted'). */
  experimentDeleted: boolean;
  baselineAnalysisId: string | null;
  /** running | goal_achieved | depth_limit_reached | cost_limit_reached | no_viable_paths, or what the database holds. */
  status: string | null;
  goal: ExplorationGoal;
  config: ExplorationConfigSummary;
  currentDepth: number | null;
  totalNodes: number | null;
  totalLlmCalls: number | null;
  bestSuccessRate: number | null;
  startedAt: string | null;
  completedAt: string | null;
}

/**
 * The tree in columns: entry i of every array describes node i. Nodes come ordered by depth, then
 * created_at, then id, so a parent usually precedes its children (not guaranteed in broken trees).
 * Long texts (action_applied, rationale) are left out: explorations.node has them.
 */
export interface ExplorationTreeColumns {
  id: string[];
  /** Index of the parent node; -1 for the root, an orphan, or where a cycle was cut. */
  parentIndex: number[];
  /** As stored in scenario_nodes.depth. */
  depth: (number | null)[];
  /** active | dominated | winner | expansion_failed, or what the database holds. */
  status: (string | null)[];
  shortAction: (string | null)[];
  category: (string | null)[];
  /** simulation_results; null while the node is not simulated. */
  successRate: (number | null)[];
  /** simulation_results.fail_rate (outcomes call it failed_rate; that spelling is read too). */
  failRate: (number | null)[];
  didNotTryRate: (number | null)[];
  /** scorecard_params. */
  complexity: (number | null)[];
  initialEffort: (number | null)[];
  perceivedRisk: (number | null)[];
  timeToValue: (number | null)[];
  childCount: number[];
  /** The node plus all its descendants: for collapsing branches. */
  subtreeSize: number[];
}

export interface TreePath {
  /** The node the path leads to. */
  target: number;
  /** Node indices from the top of the branch down to `target`. */
  nodes: number[];
  /** False when the walk up stopped at an orphan or a cut cycle instead of the root. */
  reachesRoot: boolean;
}

/** What is wrong with a tree read from a real database; all empty for a healthy one. */
export interface TreeAnomalies {
  /** Nodes whose parent_id names no node of this exploration. */
  orphans: Array<{ nodeId: string; missingParentId: string }>;
  /** Loops of parent links, as node ids; each was cut at its first node to draw the tree. */
  cycles: string[][];
  /** Nodes without a parent besides the root. */
  extraRoots: string[];
  /** Nodes marked 'winner' besides the one used (the first in tree order). */
  extraWinners: string[];
  /** Ids that occur more than once (children hang below the first). */
  duplicateIds: string[];
  /** Rows whose id is NULL: left out of the tree. */
  nodesWithoutId: number;
}

export interface ExplorationTree {
  explorationId: string;
  nodeCount: number;
  nodes: ExplorationTreeColumns;
  /** The node with no parent_id (the first one, when there are several); null for an empty tree. */
  rootIndex: number | null;
  /** The node with node_status 'winner'; null when there is none. */
  winnerIndex: number | null;
  /** Highest success rate; ties: shallower, then earlier created_at, then smaller id. */
  bestIndex: number | null;
  winnerPath: TreePath | null;
  bestPath: TreePath | null;
  /** The path synth-lab highlighted: the winner's, or the best node's when there is no winner. */
  highlight: 'winner' | 'best' | null;
  anomalies: TreeAnomalies;
}

/** A number of a node next to its parent's: `delta` = value − parentValue when both are known. */
export interface NodeMetric {
  key: string;
  value: number | null;
  parentValue: number | null;
  delta: number | null;
}

export interface NodeRef {
  id: string;
  depth: number | null;
  status: string | null;
  shortAction: string | null;
  successRate: number | null;
}

export interface ExplorationNodeDetail {
  id: string;
  explorationId: string | null;
  parentId: string | null;
  /** parent_id is set but names no node: an orphan. */
  parentMissing: boolean;
  depth: number | null;
  status: string | null;
  shortAction: string | null;
  category: string | null;
  /** Up to ~500 characters in synth-lab. */
  actionApplied: string | null;
  rationale: string | null;
  scorecardParams: JsonCell | null;
  /** null while the node is not simulated. */
  simulationResults: JsonCell | null;
  executionTimeSeconds: number | null;
  createdAt: string | null;
  parent: NodeRef | null;
  /** Every numeric scorecard param of the node or its parent (the four known ones first). */
  params: NodeMetric[];
  /** success_rate, fail_rate, did_not_try_rate, then any other numeric result. */
  rates: NodeMetric[];
  children: NodeRef[];
  /** From the top of the branch down to this node (inclusive). */
  path: NodeRef[];
  /** False when the walk up met a missing parent or a loop before reaching a root. */
  pathReachesRoot: boolean;
}

export interface WinningPathStep {
  nodeId: string;
  depth: number | null;
  shortAction: string | null;
  category: string | null;
  status: string | null;
  successRate: number | null;
  /** Against the previous step; null on the first step or when a rate is unknown. */
  deltaSuccessRate: number | null;
}

export interface ExplorationDetail extends ExplorationListRow {
  goalCell: JsonCell | null;
  configCell: JsonCell | null;
  experimentStatus: string | null;
  /** The baseline analysis run; null when the row is missing. */
  baselineAnalysis: { id: string; status: string | null; successRate: number | null } | null;
  /** Rows in scenario_nodes for this exploration (total_nodes is what synth-lab recorded). */
  nodeCount: number;
  /** The winner's path, or the best node's when there is no winner; steps from the root. */
  path: { kind: 'winner' | 'best' | null; steps: WinningPathStep[]; reachesRoot: boolean };
  anomalies: TreeAnomalies;
}

// ---- methods ------------------------------------------------------------------------------------

const explorationId = z.string().min(1).max(200);

export const explorationsApi = {
  /** Keyset pages of explorations, newest start first; per experiment or all. */
  'explorations.list': {
    params: z.strictObject({
      ...pageParams,
      experimentId: z.string().min(1).max(200).optional(),
      status: z.string().min(1).max(100).optional(),
      /** Also list explorations of soft-deleted experiments (always listed when experimentId is given). */
      includeDeleted: z.boolean().default(false),
      /** Explorations whose id starts with this, or whose experiment name or goal contains it (case aside; ASCII only on SQLite). */
      search: z.string().trim().max(200).optional(),
    }),
    result: returns<Page<ExplorationListRow>>(),
  },
  /** One exploration's metadata in full, with its winning (or best) path as steps; not_found for an unknown id. */
  'explorations.get': {
    params: z.strictObject({ id: explorationId }),
    result: returns<ExplorationDetail>(),
  },
  /** The whole tree in columns, winner and best paths computed; not_found for an unknown exploration. */
  'explorations.tree': {
    params: z.strictObject({ id: explorationId }),
    result: returns<ExplorationTree>(),
  },
  /** One node in full, its parent, the deltas against it, its children and its path; not_found for an unknown node. */
  'explorations.node': {
    params: z.strictObject({ id: z.string().min(1).max(200) }),
    result: returns<ExplorationNodeDetail>(),
  },
} satisfies Record<string, MethodDefinition>;
