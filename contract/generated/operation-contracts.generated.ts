// Generated from openapi.yml by scripts/generate-operation-contracts.ts (npm run openapi:generate). Do not edit.
import type { OperationContract } from '../openapi/operation-contract.ts';
import * as parameters from './parameter-checks.generated.ts';
import * as schemas from './schema-checks.generated.ts';

export const getHealth: OperationContract = {
  operationId: 'getHealth',
  requiresAuth: false,
  parameters: parameters.getHealth,
};
export const listComputationServers: OperationContract = {
  operationId: 'listComputationServers',
  requiresAuth: true,
  parameters: parameters.listComputationServers,
};
export const listCollaborations: OperationContract = {
  operationId: 'listCollaborations',
  requiresAuth: true,
  parameters: parameters.listCollaborations,
};
export const createCollaboration: OperationContract = {
  operationId: 'createCollaboration',
  requiresAuth: true,
  parameters: parameters.createCollaboration,
  requestBody: { required: true, check: schemas.check0 },
};
export const getCollaboration: OperationContract = {
  operationId: 'getCollaboration',
  requiresAuth: true,
  parameters: parameters.getCollaboration,
};
export const cancelCollaboration: OperationContract = {
  operationId: 'cancelCollaboration',
  requiresAuth: true,
  parameters: parameters.cancelCollaboration,
};
export const joinCollaboration: OperationContract = {
  operationId: 'joinCollaboration',
  requiresAuth: true,
  parameters: parameters.joinCollaboration,
  requestBody: { required: true, check: schemas.check1 },
};
export const getMyParticipation: OperationContract = {
  operationId: 'getMyParticipation',
  requiresAuth: true,
  parameters: parameters.getMyParticipation,
};
export const finishParticipation: OperationContract = {
  operationId: 'finishParticipation',
  requiresAuth: true,
  parameters: parameters.finishParticipation,
};
export const createInput: OperationContract = {
  operationId: 'createInput',
  requiresAuth: true,
  parameters: parameters.createInput,
  requestBody: { required: true, check: schemas.check2 },
};
export const completeInput: OperationContract = {
  operationId: 'completeInput',
  requiresAuth: true,
  parameters: parameters.completeInput,
};
export const getResult: OperationContract = {
  operationId: 'getResult',
  requiresAuth: true,
  parameters: parameters.getResult,
};
