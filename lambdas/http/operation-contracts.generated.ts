// Generated from openapi.yml by scripts/generate-operation-contracts.ts (npm run openapi:generate). Do not edit.
import type { OperationContract } from './operation-contract.ts';
import * as parameters from './parameter-checks.generated.ts';
import * as schemas from './schema-checks.generated.ts';

export const getHealth: OperationContract = {
  operationId: 'getHealth',
  requiresAuth: false,
  parameters: parameters.getHealth,

  responses: {
    '200': {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/json': schemas.check1 },
    },
    default: {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/problem+json': schemas.check2 },
    },
  },
};
export const listComputationServers: OperationContract = {
  operationId: 'listComputationServers',
  requiresAuth: true,
  parameters: parameters.listComputationServers,

  responses: {
    '200': {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/json': schemas.check3 },
    },
    '401': {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/problem+json': schemas.check2 },
    },
    default: {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/problem+json': schemas.check2 },
    },
  },
};
export const listCollaborations: OperationContract = {
  operationId: 'listCollaborations',
  requiresAuth: true,
  parameters: parameters.listCollaborations,

  responses: {
    '200': {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/json': schemas.check4 },
    },
    '400': {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/problem+json': schemas.check2 },
    },
    '401': {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/problem+json': schemas.check2 },
    },
    default: {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/problem+json': schemas.check2 },
    },
  },
};
export const createCollaboration: OperationContract = {
  operationId: 'createCollaboration',
  requiresAuth: true,
  parameters: parameters.createCollaboration,
  requestBody: { required: true, check: schemas.check5 },
  responses: {
    '201': {
      headers: {
        'x-request-id': { required: true, check: schemas.check0 },
        location: { required: false, check: schemas.check6 },
      },
      content: { 'application/json': schemas.check7 },
    },
    '400': {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/problem+json': schemas.check2 },
    },
    '401': {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/problem+json': schemas.check2 },
    },
    '409': {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/problem+json': schemas.check2 },
    },
    '415': {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/problem+json': schemas.check2 },
    },
    default: {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/problem+json': schemas.check2 },
    },
  },
};
export const getCollaboration: OperationContract = {
  operationId: 'getCollaboration',
  requiresAuth: true,
  parameters: parameters.getCollaboration,

  responses: {
    '200': {
      headers: {
        'x-request-id': { required: true, check: schemas.check0 },
        'retry-after': { required: false, check: schemas.check8 },
      },
      content: { 'application/json': schemas.check7 },
    },
    '400': {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/problem+json': schemas.check2 },
    },
    '401': {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/problem+json': schemas.check2 },
    },
    '404': {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/problem+json': schemas.check2 },
    },
    default: {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/problem+json': schemas.check2 },
    },
  },
};
export const cancelCollaboration: OperationContract = {
  operationId: 'cancelCollaboration',
  requiresAuth: true,
  parameters: parameters.cancelCollaboration,

  responses: {
    '200': {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/json': schemas.check7 },
    },
    '400': {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/problem+json': schemas.check2 },
    },
    '401': {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/problem+json': schemas.check2 },
    },
    '403': {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/problem+json': schemas.check2 },
    },
    '404': {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/problem+json': schemas.check2 },
    },
    '409': {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/problem+json': schemas.check2 },
    },
    default: {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/problem+json': schemas.check2 },
    },
  },
};
export const joinCollaboration: OperationContract = {
  operationId: 'joinCollaboration',
  requiresAuth: true,
  parameters: parameters.joinCollaboration,
  requestBody: { required: true, check: schemas.check9 },
  responses: {
    '201': {
      headers: {
        'x-request-id': { required: true, check: schemas.check0 },
        location: { required: false, check: schemas.check6 },
      },
      content: { 'application/json': schemas.check10 },
    },
    '400': {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/problem+json': schemas.check2 },
    },
    '401': {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/problem+json': schemas.check2 },
    },
    '404': {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/problem+json': schemas.check2 },
    },
    '409': {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/problem+json': schemas.check2 },
    },
    '415': {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/problem+json': schemas.check2 },
    },
    default: {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/problem+json': schemas.check2 },
    },
  },
};
export const getMyParticipation: OperationContract = {
  operationId: 'getMyParticipation',
  requiresAuth: true,
  parameters: parameters.getMyParticipation,

  responses: {
    '200': {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/json': schemas.check10 },
    },
    '400': {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/problem+json': schemas.check2 },
    },
    '401': {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/problem+json': schemas.check2 },
    },
    '404': {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/problem+json': schemas.check2 },
    },
    default: {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/problem+json': schemas.check2 },
    },
  },
};
export const finishParticipation: OperationContract = {
  operationId: 'finishParticipation',
  requiresAuth: true,
  parameters: parameters.finishParticipation,

  responses: {
    '200': {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/json': schemas.check10 },
    },
    '400': {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/problem+json': schemas.check2 },
    },
    '401': {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/problem+json': schemas.check2 },
    },
    '404': {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/problem+json': schemas.check2 },
    },
    '409': {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/problem+json': schemas.check2 },
    },
    default: {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/problem+json': schemas.check2 },
    },
  },
};
export const createInput: OperationContract = {
  operationId: 'createInput',
  requiresAuth: true,
  parameters: parameters.createInput,
  requestBody: { required: true, check: schemas.check11 },
  responses: {
    '201': {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/json': schemas.check12 },
    },
    '400': {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/problem+json': schemas.check2 },
    },
    '401': {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/problem+json': schemas.check2 },
    },
    '404': {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/problem+json': schemas.check2 },
    },
    '409': {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/problem+json': schemas.check2 },
    },
    '415': {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/problem+json': schemas.check2 },
    },
    default: {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/problem+json': schemas.check2 },
    },
  },
};
export const completeInput: OperationContract = {
  operationId: 'completeInput',
  requiresAuth: true,
  parameters: parameters.completeInput,

  responses: {
    '200': {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/json': schemas.check13 },
    },
    '400': {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/problem+json': schemas.check2 },
    },
    '401': {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/problem+json': schemas.check2 },
    },
    '404': {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/problem+json': schemas.check2 },
    },
    '409': {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/problem+json': schemas.check2 },
    },
    '422': {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/problem+json': schemas.check2 },
    },
    default: {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/problem+json': schemas.check2 },
    },
  },
};
export const getResult: OperationContract = {
  operationId: 'getResult',
  requiresAuth: true,
  parameters: parameters.getResult,

  responses: {
    '200': {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/json': schemas.check14 },
    },
    '202': {
      headers: {
        'x-request-id': { required: true, check: schemas.check0 },
        'retry-after': { required: false, check: schemas.check8 },
      },
      content: { 'application/json': schemas.check15 },
    },
    '400': {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/problem+json': schemas.check2 },
    },
    '401': {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/problem+json': schemas.check2 },
    },
    '403': {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/problem+json': schemas.check2 },
    },
    '404': {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/problem+json': schemas.check2 },
    },
    '409': {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/problem+json': schemas.check2 },
    },
    '410': {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/problem+json': schemas.check2 },
    },
    default: {
      headers: { 'x-request-id': { required: true, check: schemas.check0 } },
      content: { 'application/problem+json': schemas.check2 },
    },
  },
};
