// Generated from openapi.yml by scripts/generate-operation-contracts.ts (npm run openapi:generate). Do not edit.
/* eslint-disable */
// @ts-nocheck
const commonJs = (module) => module.default ?? module;
import formatsModule from 'ajv-formats/dist/formats.js';
const formats = commonJs(formatsModule).fullFormats;
('use strict');
export const getHealth = validate21;
const schema6 = {
  type: 'object',
  properties: {
    path: { type: 'object', properties: {}, required: [], additionalProperties: false },
    query: { type: 'object', properties: {}, required: [], additionalProperties: false },
    headers: { type: 'object', properties: {}, required: [], additionalProperties: true },
  },
  $id: 'urn:check:getHealth',
};
function validate21(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  /*# sourceURL="urn:check:getHealth" */ let vErrors = null;
  let errors = 0;
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.path !== undefined) {
      let data0 = data.path;
      if (data0 && typeof data0 == 'object' && !Array.isArray(data0)) {
        for (const key0 in data0) {
          const err0 = {
            instancePath: instancePath + '/path',
            schemaPath: '#/properties/path/additionalProperties',
            keyword: 'additionalProperties',
            params: { additionalProperty: key0 },
            message: 'must NOT have additional properties',
          };
          if (vErrors === null) {
            vErrors = [err0];
          } else {
            vErrors.push(err0);
          }
          errors++;
        }
      } else {
        const err1 = {
          instancePath: instancePath + '/path',
          schemaPath: '#/properties/path/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.query !== undefined) {
      let data1 = data.query;
      if (data1 && typeof data1 == 'object' && !Array.isArray(data1)) {
        for (const key1 in data1) {
          const err2 = {
            instancePath: instancePath + '/query',
            schemaPath: '#/properties/query/additionalProperties',
            keyword: 'additionalProperties',
            params: { additionalProperty: key1 },
            message: 'must NOT have additional properties',
          };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
      } else {
        const err3 = {
          instancePath: instancePath + '/query',
          schemaPath: '#/properties/query/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.headers !== undefined) {
      let data2 = data.headers;
      if (data2 && typeof data2 == 'object' && !Array.isArray(data2)) {
      } else {
        const err4 = {
          instancePath: instancePath + '/headers',
          schemaPath: '#/properties/headers/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
  } else {
    const err5 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err5];
    } else {
      vErrors.push(err5);
    }
    errors++;
  }
  validate21.errors = vErrors;
  return errors === 0;
}
export const listComputationServers = validate22;
const schema7 = {
  type: 'object',
  properties: {
    path: { type: 'object', properties: {}, required: [], additionalProperties: false },
    query: { type: 'object', properties: {}, required: [], additionalProperties: false },
    headers: { type: 'object', properties: {}, required: [], additionalProperties: true },
  },
  $id: 'urn:check:listComputationServers',
};
function validate22(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  /*# sourceURL="urn:check:listComputationServers" */ let vErrors = null;
  let errors = 0;
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.path !== undefined) {
      let data0 = data.path;
      if (data0 && typeof data0 == 'object' && !Array.isArray(data0)) {
        for (const key0 in data0) {
          const err0 = {
            instancePath: instancePath + '/path',
            schemaPath: '#/properties/path/additionalProperties',
            keyword: 'additionalProperties',
            params: { additionalProperty: key0 },
            message: 'must NOT have additional properties',
          };
          if (vErrors === null) {
            vErrors = [err0];
          } else {
            vErrors.push(err0);
          }
          errors++;
        }
      } else {
        const err1 = {
          instancePath: instancePath + '/path',
          schemaPath: '#/properties/path/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.query !== undefined) {
      let data1 = data.query;
      if (data1 && typeof data1 == 'object' && !Array.isArray(data1)) {
        for (const key1 in data1) {
          const err2 = {
            instancePath: instancePath + '/query',
            schemaPath: '#/properties/query/additionalProperties',
            keyword: 'additionalProperties',
            params: { additionalProperty: key1 },
            message: 'must NOT have additional properties',
          };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
      } else {
        const err3 = {
          instancePath: instancePath + '/query',
          schemaPath: '#/properties/query/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.headers !== undefined) {
      let data2 = data.headers;
      if (data2 && typeof data2 == 'object' && !Array.isArray(data2)) {
      } else {
        const err4 = {
          instancePath: instancePath + '/headers',
          schemaPath: '#/properties/headers/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
  } else {
    const err5 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err5];
    } else {
      vErrors.push(err5);
    }
    errors++;
  }
  validate22.errors = vErrors;
  return errors === 0;
}
export const listCollaborations = validate23;
const schema8 = {
  type: 'object',
  properties: {
    path: { type: 'object', properties: {}, required: [], additionalProperties: false },
    query: {
      type: 'object',
      properties: {
        status: { $ref: 'https://mpc.example/openapi/schemas#/$defs/CollaborationStatus' },
        analysis: { $ref: 'https://mpc.example/openapi/schemas#/$defs/AnalysisKind' },
        role: { type: 'string', enum: ['owner', 'participant'] },
        limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
        nextToken: { type: 'string', minLength: 1, maxLength: 2048, pattern: '^[A-Za-z0-9_-]+$' },
      },
      required: [],
      additionalProperties: false,
    },
    headers: { type: 'object', properties: {}, required: [], additionalProperties: true },
  },
  $id: 'urn:check:listCollaborations',
};
const schema10 = {
  type: 'string',
  enum: ['OPEN', 'COMPUTING', 'RESULT_READY', 'COMPLETED', 'FAILED', 'CANCELLED', 'EXPIRED'],
};
function validate25(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (typeof data !== 'string') {
    let dataType0 = typeof data;
    let coerced0 = undefined;
    if (!(coerced0 !== undefined)) {
      if (dataType0 == 'number' || dataType0 == 'boolean') {
        coerced0 = '' + data;
      } else if (data === null) {
        coerced0 = '';
      } else {
        const err0 = {
          instancePath,
          schemaPath: '#/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
        };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if (coerced0 !== undefined) {
      data = coerced0;
      if (parentData !== undefined) {
        parentData[parentDataProperty] = coerced0;
      }
    }
  }
  if (!(
    data === 'OPEN' ||
    data === 'COMPUTING' ||
    data === 'RESULT_READY' ||
    data === 'COMPLETED' ||
    data === 'FAILED' ||
    data === 'CANCELLED' ||
    data === 'EXPIRED'
  )) {
    const err1 = {
      instancePath,
      schemaPath: '#/enum',
      keyword: 'enum',
      params: { allowedValues: schema10.enum },
      message: 'must be equal to one of the allowed values',
    };
    if (vErrors === null) {
      vErrors = [err1];
    } else {
      vErrors.push(err1);
    }
    errors++;
  }
  validate25.errors = vErrors;
  return errors === 0;
}
const schema11 = {
  type: 'string',
  enum: [
    'count',
    'sum',
    'mean',
    'variance',
    'stddev',
    'histogram',
    'countAbove',
    'countBelow',
    'min',
    'max',
    'quantile',
  ],
};
function validate27(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (typeof data !== 'string') {
    let dataType0 = typeof data;
    let coerced0 = undefined;
    if (!(coerced0 !== undefined)) {
      if (dataType0 == 'number' || dataType0 == 'boolean') {
        coerced0 = '' + data;
      } else if (data === null) {
        coerced0 = '';
      } else {
        const err0 = {
          instancePath,
          schemaPath: '#/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
        };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if (coerced0 !== undefined) {
      data = coerced0;
      if (parentData !== undefined) {
        parentData[parentDataProperty] = coerced0;
      }
    }
  }
  if (!(
    data === 'count' ||
    data === 'sum' ||
    data === 'mean' ||
    data === 'variance' ||
    data === 'stddev' ||
    data === 'histogram' ||
    data === 'countAbove' ||
    data === 'countBelow' ||
    data === 'min' ||
    data === 'max' ||
    data === 'quantile'
  )) {
    const err1 = {
      instancePath,
      schemaPath: '#/enum',
      keyword: 'enum',
      params: { allowedValues: schema11.enum },
      message: 'must be equal to one of the allowed values',
    };
    if (vErrors === null) {
      vErrors = [err1];
    } else {
      vErrors.push(err1);
    }
    errors++;
  }
  validate27.errors = vErrors;
  return errors === 0;
}
import func2Module from 'ajv/dist/runtime/ucs2length.js';
const func2 = commonJs(func2Module);
const pattern0 = new RegExp('^[A-Za-z0-9_-]+$', 'u');
function validate23(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  /*# sourceURL="urn:check:listCollaborations" */ let vErrors = null;
  let errors = 0;
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.path !== undefined) {
      let data0 = data.path;
      if (data0 && typeof data0 == 'object' && !Array.isArray(data0)) {
        for (const key0 in data0) {
          const err0 = {
            instancePath: instancePath + '/path',
            schemaPath: '#/properties/path/additionalProperties',
            keyword: 'additionalProperties',
            params: { additionalProperty: key0 },
            message: 'must NOT have additional properties',
          };
          if (vErrors === null) {
            vErrors = [err0];
          } else {
            vErrors.push(err0);
          }
          errors++;
        }
      } else {
        const err1 = {
          instancePath: instancePath + '/path',
          schemaPath: '#/properties/path/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.query !== undefined) {
      let data1 = data.query;
      if (data1 && typeof data1 == 'object' && !Array.isArray(data1)) {
        for (const key1 in data1) {
          if (!(
            key1 === 'status' ||
            key1 === 'analysis' ||
            key1 === 'role' ||
            key1 === 'limit' ||
            key1 === 'nextToken'
          )) {
            const err2 = {
              instancePath: instancePath + '/query',
              schemaPath: '#/properties/query/additionalProperties',
              keyword: 'additionalProperties',
              params: { additionalProperty: key1 },
              message: 'must NOT have additional properties',
            };
            if (vErrors === null) {
              vErrors = [err2];
            } else {
              vErrors.push(err2);
            }
            errors++;
          }
        }
        if (data1.status !== undefined) {
          if (
            !validate25(data1.status, {
              instancePath: instancePath + '/query/status',
              parentData: data1,
              parentDataProperty: 'status',
              rootData,
            })
          ) {
            vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
            errors = vErrors.length;
          }
        }
        if (data1.analysis !== undefined) {
          if (
            !validate27(data1.analysis, {
              instancePath: instancePath + '/query/analysis',
              parentData: data1,
              parentDataProperty: 'analysis',
              rootData,
            })
          ) {
            vErrors = vErrors === null ? validate27.errors : vErrors.concat(validate27.errors);
            errors = vErrors.length;
          }
        }
        if (data1.role !== undefined) {
          let data4 = data1.role;
          if (typeof data4 !== 'string') {
            let dataType0 = typeof data4;
            let coerced0 = undefined;
            if (!(coerced0 !== undefined)) {
              if (dataType0 == 'number' || dataType0 == 'boolean') {
                coerced0 = '' + data4;
              } else if (data4 === null) {
                coerced0 = '';
              } else {
                const err3 = {
                  instancePath: instancePath + '/query/role',
                  schemaPath: '#/properties/query/properties/role/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                };
                if (vErrors === null) {
                  vErrors = [err3];
                } else {
                  vErrors.push(err3);
                }
                errors++;
              }
            }
            if (coerced0 !== undefined) {
              data4 = coerced0;
              if (data1 !== undefined) {
                data1['role'] = coerced0;
              }
            }
          }
          if (!(data4 === 'owner' || data4 === 'participant')) {
            const err4 = {
              instancePath: instancePath + '/query/role',
              schemaPath: '#/properties/query/properties/role/enum',
              keyword: 'enum',
              params: { allowedValues: schema8.properties.query.properties.role.enum },
              message: 'must be equal to one of the allowed values',
            };
            if (vErrors === null) {
              vErrors = [err4];
            } else {
              vErrors.push(err4);
            }
            errors++;
          }
        }
        if (data1.limit !== undefined) {
          let data5 = data1.limit;
          if (!(typeof data5 == 'number' && !(data5 % 1) && !isNaN(data5) && isFinite(data5))) {
            let dataType1 = typeof data5;
            let coerced1 = undefined;
            if (!(coerced1 !== undefined)) {
              if (
                dataType1 === 'boolean' ||
                data5 === null ||
                (dataType1 === 'string' && data5 && data5 == +data5 && !(data5 % 1))
              ) {
                coerced1 = +data5;
              } else {
                const err5 = {
                  instancePath: instancePath + '/query/limit',
                  schemaPath: '#/properties/query/properties/limit/type',
                  keyword: 'type',
                  params: { type: 'integer' },
                  message: 'must be integer',
                };
                if (vErrors === null) {
                  vErrors = [err5];
                } else {
                  vErrors.push(err5);
                }
                errors++;
              }
            }
            if (coerced1 !== undefined) {
              data5 = coerced1;
              if (data1 !== undefined) {
                data1['limit'] = coerced1;
              }
            }
          }
          if (typeof data5 == 'number' && isFinite(data5)) {
            if (data5 > 100 || isNaN(data5)) {
              const err6 = {
                instancePath: instancePath + '/query/limit',
                schemaPath: '#/properties/query/properties/limit/maximum',
                keyword: 'maximum',
                params: { comparison: '<=', limit: 100 },
                message: 'must be <= 100',
              };
              if (vErrors === null) {
                vErrors = [err6];
              } else {
                vErrors.push(err6);
              }
              errors++;
            }
            if (data5 < 1 || isNaN(data5)) {
              const err7 = {
                instancePath: instancePath + '/query/limit',
                schemaPath: '#/properties/query/properties/limit/minimum',
                keyword: 'minimum',
                params: { comparison: '>=', limit: 1 },
                message: 'must be >= 1',
              };
              if (vErrors === null) {
                vErrors = [err7];
              } else {
                vErrors.push(err7);
              }
              errors++;
            }
          }
        }
        if (data1.nextToken !== undefined) {
          let data6 = data1.nextToken;
          if (typeof data6 !== 'string') {
            let dataType2 = typeof data6;
            let coerced2 = undefined;
            if (!(coerced2 !== undefined)) {
              if (dataType2 == 'number' || dataType2 == 'boolean') {
                coerced2 = '' + data6;
              } else if (data6 === null) {
                coerced2 = '';
              } else {
                const err8 = {
                  instancePath: instancePath + '/query/nextToken',
                  schemaPath: '#/properties/query/properties/nextToken/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                };
                if (vErrors === null) {
                  vErrors = [err8];
                } else {
                  vErrors.push(err8);
                }
                errors++;
              }
            }
            if (coerced2 !== undefined) {
              data6 = coerced2;
              if (data1 !== undefined) {
                data1['nextToken'] = coerced2;
              }
            }
          }
          if (typeof data6 === 'string') {
            if (func2(data6) > 2048) {
              const err9 = {
                instancePath: instancePath + '/query/nextToken',
                schemaPath: '#/properties/query/properties/nextToken/maxLength',
                keyword: 'maxLength',
                params: { limit: 2048 },
                message: 'must NOT have more than 2048 characters',
              };
              if (vErrors === null) {
                vErrors = [err9];
              } else {
                vErrors.push(err9);
              }
              errors++;
            }
            if (func2(data6) < 1) {
              const err10 = {
                instancePath: instancePath + '/query/nextToken',
                schemaPath: '#/properties/query/properties/nextToken/minLength',
                keyword: 'minLength',
                params: { limit: 1 },
                message: 'must NOT have fewer than 1 characters',
              };
              if (vErrors === null) {
                vErrors = [err10];
              } else {
                vErrors.push(err10);
              }
              errors++;
            }
            if (!pattern0.test(data6)) {
              const err11 = {
                instancePath: instancePath + '/query/nextToken',
                schemaPath: '#/properties/query/properties/nextToken/pattern',
                keyword: 'pattern',
                params: { pattern: '^[A-Za-z0-9_-]+$' },
                message: 'must match pattern "' + '^[A-Za-z0-9_-]+$' + '"',
              };
              if (vErrors === null) {
                vErrors = [err11];
              } else {
                vErrors.push(err11);
              }
              errors++;
            }
          }
        }
      } else {
        const err12 = {
          instancePath: instancePath + '/query',
          schemaPath: '#/properties/query/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
    if (data.headers !== undefined) {
      let data7 = data.headers;
      if (data7 && typeof data7 == 'object' && !Array.isArray(data7)) {
      } else {
        const err13 = {
          instancePath: instancePath + '/headers',
          schemaPath: '#/properties/headers/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
  } else {
    const err14 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err14];
    } else {
      vErrors.push(err14);
    }
    errors++;
  }
  validate23.errors = vErrors;
  return errors === 0;
}
export const createCollaboration = validate29;
const schema12 = {
  type: 'object',
  properties: {
    path: { type: 'object', properties: {}, required: [], additionalProperties: false },
    query: { type: 'object', properties: {}, required: [], additionalProperties: false },
    headers: {
      type: 'object',
      properties: {
        'idempotency-key': { type: 'string', minLength: 1, maxLength: 255, pattern: '^[!-~]+$' },
      },
      required: [],
      additionalProperties: true,
    },
  },
  $id: 'urn:check:createCollaboration',
};
const pattern1 = new RegExp('^[!-~]+$', 'u');
function validate29(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  /*# sourceURL="urn:check:createCollaboration" */ let vErrors = null;
  let errors = 0;
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.path !== undefined) {
      let data0 = data.path;
      if (data0 && typeof data0 == 'object' && !Array.isArray(data0)) {
        for (const key0 in data0) {
          const err0 = {
            instancePath: instancePath + '/path',
            schemaPath: '#/properties/path/additionalProperties',
            keyword: 'additionalProperties',
            params: { additionalProperty: key0 },
            message: 'must NOT have additional properties',
          };
          if (vErrors === null) {
            vErrors = [err0];
          } else {
            vErrors.push(err0);
          }
          errors++;
        }
      } else {
        const err1 = {
          instancePath: instancePath + '/path',
          schemaPath: '#/properties/path/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.query !== undefined) {
      let data1 = data.query;
      if (data1 && typeof data1 == 'object' && !Array.isArray(data1)) {
        for (const key1 in data1) {
          const err2 = {
            instancePath: instancePath + '/query',
            schemaPath: '#/properties/query/additionalProperties',
            keyword: 'additionalProperties',
            params: { additionalProperty: key1 },
            message: 'must NOT have additional properties',
          };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
      } else {
        const err3 = {
          instancePath: instancePath + '/query',
          schemaPath: '#/properties/query/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.headers !== undefined) {
      let data2 = data.headers;
      if (data2 && typeof data2 == 'object' && !Array.isArray(data2)) {
        if (data2['idempotency-key'] !== undefined) {
          let data3 = data2['idempotency-key'];
          if (typeof data3 !== 'string') {
            let dataType0 = typeof data3;
            let coerced0 = undefined;
            if (!(coerced0 !== undefined)) {
              if (dataType0 == 'number' || dataType0 == 'boolean') {
                coerced0 = '' + data3;
              } else if (data3 === null) {
                coerced0 = '';
              } else {
                const err4 = {
                  instancePath: instancePath + '/headers/idempotency-key',
                  schemaPath: '#/properties/headers/properties/idempotency-key/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                };
                if (vErrors === null) {
                  vErrors = [err4];
                } else {
                  vErrors.push(err4);
                }
                errors++;
              }
            }
            if (coerced0 !== undefined) {
              data3 = coerced0;
              if (data2 !== undefined) {
                data2['idempotency-key'] = coerced0;
              }
            }
          }
          if (typeof data3 === 'string') {
            if (func2(data3) > 255) {
              const err5 = {
                instancePath: instancePath + '/headers/idempotency-key',
                schemaPath: '#/properties/headers/properties/idempotency-key/maxLength',
                keyword: 'maxLength',
                params: { limit: 255 },
                message: 'must NOT have more than 255 characters',
              };
              if (vErrors === null) {
                vErrors = [err5];
              } else {
                vErrors.push(err5);
              }
              errors++;
            }
            if (func2(data3) < 1) {
              const err6 = {
                instancePath: instancePath + '/headers/idempotency-key',
                schemaPath: '#/properties/headers/properties/idempotency-key/minLength',
                keyword: 'minLength',
                params: { limit: 1 },
                message: 'must NOT have fewer than 1 characters',
              };
              if (vErrors === null) {
                vErrors = [err6];
              } else {
                vErrors.push(err6);
              }
              errors++;
            }
            if (!pattern1.test(data3)) {
              const err7 = {
                instancePath: instancePath + '/headers/idempotency-key',
                schemaPath: '#/properties/headers/properties/idempotency-key/pattern',
                keyword: 'pattern',
                params: { pattern: '^[!-~]+$' },
                message: 'must match pattern "' + '^[!-~]+$' + '"',
              };
              if (vErrors === null) {
                vErrors = [err7];
              } else {
                vErrors.push(err7);
              }
              errors++;
            }
          }
        }
      } else {
        const err8 = {
          instancePath: instancePath + '/headers',
          schemaPath: '#/properties/headers/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
  } else {
    const err9 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err9];
    } else {
      vErrors.push(err9);
    }
    errors++;
  }
  validate29.errors = vErrors;
  return errors === 0;
}
export const getCollaboration = validate30;
const schema13 = {
  type: 'object',
  properties: {
    path: {
      type: 'object',
      properties: { collaborationId: { $ref: 'https://mpc.example/openapi/schemas#/$defs/Id' } },
      required: ['collaborationId'],
      additionalProperties: false,
    },
    query: { type: 'object', properties: {}, required: [], additionalProperties: false },
    headers: { type: 'object', properties: {}, required: [], additionalProperties: true },
  },
  $id: 'urn:check:getCollaboration',
};
const schema14 = {
  description: 'Server-issued identifier (UUID).',
  type: 'string',
  format: 'uuid',
  pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
};
const formats0 = /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
const pattern2 = new RegExp('^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$', 'u');
function validate31(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (typeof data !== 'string') {
    let dataType0 = typeof data;
    let coerced0 = undefined;
    if (!(coerced0 !== undefined)) {
      if (dataType0 == 'number' || dataType0 == 'boolean') {
        coerced0 = '' + data;
      } else if (data === null) {
        coerced0 = '';
      } else {
        const err0 = {
          instancePath,
          schemaPath: '#/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
        };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if (coerced0 !== undefined) {
      data = coerced0;
      if (parentData !== undefined) {
        parentData[parentDataProperty] = coerced0;
      }
    }
  }
  if (typeof data === 'string') {
    if (!pattern2.test(data)) {
      const err1 = {
        instancePath,
        schemaPath: '#/pattern',
        keyword: 'pattern',
        params: { pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' },
        message:
          'must match pattern "' + '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' + '"',
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (!formats0.test(data)) {
      const err2 = {
        instancePath,
        schemaPath: '#/format',
        keyword: 'format',
        params: { format: 'uuid' },
        message: 'must match format "' + 'uuid' + '"',
      };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
  }
  validate31.errors = vErrors;
  return errors === 0;
}
function validate30(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  /*# sourceURL="urn:check:getCollaboration" */ let vErrors = null;
  let errors = 0;
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.path !== undefined) {
      let data0 = data.path;
      if (data0 && typeof data0 == 'object' && !Array.isArray(data0)) {
        if (data0.collaborationId === undefined) {
          const err0 = {
            instancePath: instancePath + '/path',
            schemaPath: '#/properties/path/required',
            keyword: 'required',
            params: { missingProperty: 'collaborationId' },
            message: "must have required property '" + 'collaborationId' + "'",
          };
          if (vErrors === null) {
            vErrors = [err0];
          } else {
            vErrors.push(err0);
          }
          errors++;
        }
        for (const key0 in data0) {
          if (!(key0 === 'collaborationId')) {
            const err1 = {
              instancePath: instancePath + '/path',
              schemaPath: '#/properties/path/additionalProperties',
              keyword: 'additionalProperties',
              params: { additionalProperty: key0 },
              message: 'must NOT have additional properties',
            };
            if (vErrors === null) {
              vErrors = [err1];
            } else {
              vErrors.push(err1);
            }
            errors++;
          }
        }
        if (data0.collaborationId !== undefined) {
          if (
            !validate31(data0.collaborationId, {
              instancePath: instancePath + '/path/collaborationId',
              parentData: data0,
              parentDataProperty: 'collaborationId',
              rootData,
            })
          ) {
            vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err2 = {
          instancePath: instancePath + '/path',
          schemaPath: '#/properties/path/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.query !== undefined) {
      let data2 = data.query;
      if (data2 && typeof data2 == 'object' && !Array.isArray(data2)) {
        for (const key1 in data2) {
          const err3 = {
            instancePath: instancePath + '/query',
            schemaPath: '#/properties/query/additionalProperties',
            keyword: 'additionalProperties',
            params: { additionalProperty: key1 },
            message: 'must NOT have additional properties',
          };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
      } else {
        const err4 = {
          instancePath: instancePath + '/query',
          schemaPath: '#/properties/query/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.headers !== undefined) {
      let data3 = data.headers;
      if (data3 && typeof data3 == 'object' && !Array.isArray(data3)) {
      } else {
        const err5 = {
          instancePath: instancePath + '/headers',
          schemaPath: '#/properties/headers/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
  } else {
    const err6 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err6];
    } else {
      vErrors.push(err6);
    }
    errors++;
  }
  validate30.errors = vErrors;
  return errors === 0;
}
export const cancelCollaboration = validate33;
const schema15 = {
  type: 'object',
  properties: {
    path: {
      type: 'object',
      properties: { collaborationId: { $ref: 'https://mpc.example/openapi/schemas#/$defs/Id' } },
      required: ['collaborationId'],
      additionalProperties: false,
    },
    query: { type: 'object', properties: {}, required: [], additionalProperties: false },
    headers: { type: 'object', properties: {}, required: [], additionalProperties: true },
  },
  $id: 'urn:check:cancelCollaboration',
};
function validate34(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (typeof data !== 'string') {
    let dataType0 = typeof data;
    let coerced0 = undefined;
    if (!(coerced0 !== undefined)) {
      if (dataType0 == 'number' || dataType0 == 'boolean') {
        coerced0 = '' + data;
      } else if (data === null) {
        coerced0 = '';
      } else {
        const err0 = {
          instancePath,
          schemaPath: '#/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
        };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if (coerced0 !== undefined) {
      data = coerced0;
      if (parentData !== undefined) {
        parentData[parentDataProperty] = coerced0;
      }
    }
  }
  if (typeof data === 'string') {
    if (!pattern2.test(data)) {
      const err1 = {
        instancePath,
        schemaPath: '#/pattern',
        keyword: 'pattern',
        params: { pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' },
        message:
          'must match pattern "' + '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' + '"',
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (!formats0.test(data)) {
      const err2 = {
        instancePath,
        schemaPath: '#/format',
        keyword: 'format',
        params: { format: 'uuid' },
        message: 'must match format "' + 'uuid' + '"',
      };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
  }
  validate34.errors = vErrors;
  return errors === 0;
}
function validate33(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  /*# sourceURL="urn:check:cancelCollaboration" */ let vErrors = null;
  let errors = 0;
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.path !== undefined) {
      let data0 = data.path;
      if (data0 && typeof data0 == 'object' && !Array.isArray(data0)) {
        if (data0.collaborationId === undefined) {
          const err0 = {
            instancePath: instancePath + '/path',
            schemaPath: '#/properties/path/required',
            keyword: 'required',
            params: { missingProperty: 'collaborationId' },
            message: "must have required property '" + 'collaborationId' + "'",
          };
          if (vErrors === null) {
            vErrors = [err0];
          } else {
            vErrors.push(err0);
          }
          errors++;
        }
        for (const key0 in data0) {
          if (!(key0 === 'collaborationId')) {
            const err1 = {
              instancePath: instancePath + '/path',
              schemaPath: '#/properties/path/additionalProperties',
              keyword: 'additionalProperties',
              params: { additionalProperty: key0 },
              message: 'must NOT have additional properties',
            };
            if (vErrors === null) {
              vErrors = [err1];
            } else {
              vErrors.push(err1);
            }
            errors++;
          }
        }
        if (data0.collaborationId !== undefined) {
          if (
            !validate34(data0.collaborationId, {
              instancePath: instancePath + '/path/collaborationId',
              parentData: data0,
              parentDataProperty: 'collaborationId',
              rootData,
            })
          ) {
            vErrors = vErrors === null ? validate34.errors : vErrors.concat(validate34.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err2 = {
          instancePath: instancePath + '/path',
          schemaPath: '#/properties/path/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.query !== undefined) {
      let data2 = data.query;
      if (data2 && typeof data2 == 'object' && !Array.isArray(data2)) {
        for (const key1 in data2) {
          const err3 = {
            instancePath: instancePath + '/query',
            schemaPath: '#/properties/query/additionalProperties',
            keyword: 'additionalProperties',
            params: { additionalProperty: key1 },
            message: 'must NOT have additional properties',
          };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
      } else {
        const err4 = {
          instancePath: instancePath + '/query',
          schemaPath: '#/properties/query/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.headers !== undefined) {
      let data3 = data.headers;
      if (data3 && typeof data3 == 'object' && !Array.isArray(data3)) {
      } else {
        const err5 = {
          instancePath: instancePath + '/headers',
          schemaPath: '#/properties/headers/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
  } else {
    const err6 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err6];
    } else {
      vErrors.push(err6);
    }
    errors++;
  }
  validate33.errors = vErrors;
  return errors === 0;
}
export const joinCollaboration = validate36;
const schema17 = {
  type: 'object',
  properties: {
    path: {
      type: 'object',
      properties: { collaborationId: { $ref: 'https://mpc.example/openapi/schemas#/$defs/Id' } },
      required: ['collaborationId'],
      additionalProperties: false,
    },
    query: { type: 'object', properties: {}, required: [], additionalProperties: false },
    headers: {
      type: 'object',
      properties: {
        'idempotency-key': { type: 'string', minLength: 1, maxLength: 255, pattern: '^[!-~]+$' },
      },
      required: [],
      additionalProperties: true,
    },
  },
  $id: 'urn:check:joinCollaboration',
};
function validate37(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (typeof data !== 'string') {
    let dataType0 = typeof data;
    let coerced0 = undefined;
    if (!(coerced0 !== undefined)) {
      if (dataType0 == 'number' || dataType0 == 'boolean') {
        coerced0 = '' + data;
      } else if (data === null) {
        coerced0 = '';
      } else {
        const err0 = {
          instancePath,
          schemaPath: '#/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
        };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if (coerced0 !== undefined) {
      data = coerced0;
      if (parentData !== undefined) {
        parentData[parentDataProperty] = coerced0;
      }
    }
  }
  if (typeof data === 'string') {
    if (!pattern2.test(data)) {
      const err1 = {
        instancePath,
        schemaPath: '#/pattern',
        keyword: 'pattern',
        params: { pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' },
        message:
          'must match pattern "' + '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' + '"',
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (!formats0.test(data)) {
      const err2 = {
        instancePath,
        schemaPath: '#/format',
        keyword: 'format',
        params: { format: 'uuid' },
        message: 'must match format "' + 'uuid' + '"',
      };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
  }
  validate37.errors = vErrors;
  return errors === 0;
}
function validate36(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  /*# sourceURL="urn:check:joinCollaboration" */ let vErrors = null;
  let errors = 0;
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.path !== undefined) {
      let data0 = data.path;
      if (data0 && typeof data0 == 'object' && !Array.isArray(data0)) {
        if (data0.collaborationId === undefined) {
          const err0 = {
            instancePath: instancePath + '/path',
            schemaPath: '#/properties/path/required',
            keyword: 'required',
            params: { missingProperty: 'collaborationId' },
            message: "must have required property '" + 'collaborationId' + "'",
          };
          if (vErrors === null) {
            vErrors = [err0];
          } else {
            vErrors.push(err0);
          }
          errors++;
        }
        for (const key0 in data0) {
          if (!(key0 === 'collaborationId')) {
            const err1 = {
              instancePath: instancePath + '/path',
              schemaPath: '#/properties/path/additionalProperties',
              keyword: 'additionalProperties',
              params: { additionalProperty: key0 },
              message: 'must NOT have additional properties',
            };
            if (vErrors === null) {
              vErrors = [err1];
            } else {
              vErrors.push(err1);
            }
            errors++;
          }
        }
        if (data0.collaborationId !== undefined) {
          if (
            !validate37(data0.collaborationId, {
              instancePath: instancePath + '/path/collaborationId',
              parentData: data0,
              parentDataProperty: 'collaborationId',
              rootData,
            })
          ) {
            vErrors = vErrors === null ? validate37.errors : vErrors.concat(validate37.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err2 = {
          instancePath: instancePath + '/path',
          schemaPath: '#/properties/path/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.query !== undefined) {
      let data2 = data.query;
      if (data2 && typeof data2 == 'object' && !Array.isArray(data2)) {
        for (const key1 in data2) {
          const err3 = {
            instancePath: instancePath + '/query',
            schemaPath: '#/properties/query/additionalProperties',
            keyword: 'additionalProperties',
            params: { additionalProperty: key1 },
            message: 'must NOT have additional properties',
          };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
      } else {
        const err4 = {
          instancePath: instancePath + '/query',
          schemaPath: '#/properties/query/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.headers !== undefined) {
      let data3 = data.headers;
      if (data3 && typeof data3 == 'object' && !Array.isArray(data3)) {
        if (data3['idempotency-key'] !== undefined) {
          let data4 = data3['idempotency-key'];
          if (typeof data4 !== 'string') {
            let dataType0 = typeof data4;
            let coerced0 = undefined;
            if (!(coerced0 !== undefined)) {
              if (dataType0 == 'number' || dataType0 == 'boolean') {
                coerced0 = '' + data4;
              } else if (data4 === null) {
                coerced0 = '';
              } else {
                const err5 = {
                  instancePath: instancePath + '/headers/idempotency-key',
                  schemaPath: '#/properties/headers/properties/idempotency-key/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                };
                if (vErrors === null) {
                  vErrors = [err5];
                } else {
                  vErrors.push(err5);
                }
                errors++;
              }
            }
            if (coerced0 !== undefined) {
              data4 = coerced0;
              if (data3 !== undefined) {
                data3['idempotency-key'] = coerced0;
              }
            }
          }
          if (typeof data4 === 'string') {
            if (func2(data4) > 255) {
              const err6 = {
                instancePath: instancePath + '/headers/idempotency-key',
                schemaPath: '#/properties/headers/properties/idempotency-key/maxLength',
                keyword: 'maxLength',
                params: { limit: 255 },
                message: 'must NOT have more than 255 characters',
              };
              if (vErrors === null) {
                vErrors = [err6];
              } else {
                vErrors.push(err6);
              }
              errors++;
            }
            if (func2(data4) < 1) {
              const err7 = {
                instancePath: instancePath + '/headers/idempotency-key',
                schemaPath: '#/properties/headers/properties/idempotency-key/minLength',
                keyword: 'minLength',
                params: { limit: 1 },
                message: 'must NOT have fewer than 1 characters',
              };
              if (vErrors === null) {
                vErrors = [err7];
              } else {
                vErrors.push(err7);
              }
              errors++;
            }
            if (!pattern1.test(data4)) {
              const err8 = {
                instancePath: instancePath + '/headers/idempotency-key',
                schemaPath: '#/properties/headers/properties/idempotency-key/pattern',
                keyword: 'pattern',
                params: { pattern: '^[!-~]+$' },
                message: 'must match pattern "' + '^[!-~]+$' + '"',
              };
              if (vErrors === null) {
                vErrors = [err8];
              } else {
                vErrors.push(err8);
              }
              errors++;
            }
          }
        }
      } else {
        const err9 = {
          instancePath: instancePath + '/headers',
          schemaPath: '#/properties/headers/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
  } else {
    const err10 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err10];
    } else {
      vErrors.push(err10);
    }
    errors++;
  }
  validate36.errors = vErrors;
  return errors === 0;
}
export const getMyParticipation = validate39;
const schema19 = {
  type: 'object',
  properties: {
    path: {
      type: 'object',
      properties: { collaborationId: { $ref: 'https://mpc.example/openapi/schemas#/$defs/Id' } },
      required: ['collaborationId'],
      additionalProperties: false,
    },
    query: { type: 'object', properties: {}, required: [], additionalProperties: false },
    headers: { type: 'object', properties: {}, required: [], additionalProperties: true },
  },
  $id: 'urn:check:getMyParticipation',
};
function validate40(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (typeof data !== 'string') {
    let dataType0 = typeof data;
    let coerced0 = undefined;
    if (!(coerced0 !== undefined)) {
      if (dataType0 == 'number' || dataType0 == 'boolean') {
        coerced0 = '' + data;
      } else if (data === null) {
        coerced0 = '';
      } else {
        const err0 = {
          instancePath,
          schemaPath: '#/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
        };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if (coerced0 !== undefined) {
      data = coerced0;
      if (parentData !== undefined) {
        parentData[parentDataProperty] = coerced0;
      }
    }
  }
  if (typeof data === 'string') {
    if (!pattern2.test(data)) {
      const err1 = {
        instancePath,
        schemaPath: '#/pattern',
        keyword: 'pattern',
        params: { pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' },
        message:
          'must match pattern "' + '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' + '"',
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (!formats0.test(data)) {
      const err2 = {
        instancePath,
        schemaPath: '#/format',
        keyword: 'format',
        params: { format: 'uuid' },
        message: 'must match format "' + 'uuid' + '"',
      };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
  }
  validate40.errors = vErrors;
  return errors === 0;
}
function validate39(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  /*# sourceURL="urn:check:getMyParticipation" */ let vErrors = null;
  let errors = 0;
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.path !== undefined) {
      let data0 = data.path;
      if (data0 && typeof data0 == 'object' && !Array.isArray(data0)) {
        if (data0.collaborationId === undefined) {
          const err0 = {
            instancePath: instancePath + '/path',
            schemaPath: '#/properties/path/required',
            keyword: 'required',
            params: { missingProperty: 'collaborationId' },
            message: "must have required property '" + 'collaborationId' + "'",
          };
          if (vErrors === null) {
            vErrors = [err0];
          } else {
            vErrors.push(err0);
          }
          errors++;
        }
        for (const key0 in data0) {
          if (!(key0 === 'collaborationId')) {
            const err1 = {
              instancePath: instancePath + '/path',
              schemaPath: '#/properties/path/additionalProperties',
              keyword: 'additionalProperties',
              params: { additionalProperty: key0 },
              message: 'must NOT have additional properties',
            };
            if (vErrors === null) {
              vErrors = [err1];
            } else {
              vErrors.push(err1);
            }
            errors++;
          }
        }
        if (data0.collaborationId !== undefined) {
          if (
            !validate40(data0.collaborationId, {
              instancePath: instancePath + '/path/collaborationId',
              parentData: data0,
              parentDataProperty: 'collaborationId',
              rootData,
            })
          ) {
            vErrors = vErrors === null ? validate40.errors : vErrors.concat(validate40.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err2 = {
          instancePath: instancePath + '/path',
          schemaPath: '#/properties/path/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.query !== undefined) {
      let data2 = data.query;
      if (data2 && typeof data2 == 'object' && !Array.isArray(data2)) {
        for (const key1 in data2) {
          const err3 = {
            instancePath: instancePath + '/query',
            schemaPath: '#/properties/query/additionalProperties',
            keyword: 'additionalProperties',
            params: { additionalProperty: key1 },
            message: 'must NOT have additional properties',
          };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
      } else {
        const err4 = {
          instancePath: instancePath + '/query',
          schemaPath: '#/properties/query/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.headers !== undefined) {
      let data3 = data.headers;
      if (data3 && typeof data3 == 'object' && !Array.isArray(data3)) {
      } else {
        const err5 = {
          instancePath: instancePath + '/headers',
          schemaPath: '#/properties/headers/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
  } else {
    const err6 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err6];
    } else {
      vErrors.push(err6);
    }
    errors++;
  }
  validate39.errors = vErrors;
  return errors === 0;
}
export const finishParticipation = validate42;
const schema21 = {
  type: 'object',
  properties: {
    path: {
      type: 'object',
      properties: { collaborationId: { $ref: 'https://mpc.example/openapi/schemas#/$defs/Id' } },
      required: ['collaborationId'],
      additionalProperties: false,
    },
    query: { type: 'object', properties: {}, required: [], additionalProperties: false },
    headers: { type: 'object', properties: {}, required: [], additionalProperties: true },
  },
  $id: 'urn:check:finishParticipation',
};
function validate43(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (typeof data !== 'string') {
    let dataType0 = typeof data;
    let coerced0 = undefined;
    if (!(coerced0 !== undefined)) {
      if (dataType0 == 'number' || dataType0 == 'boolean') {
        coerced0 = '' + data;
      } else if (data === null) {
        coerced0 = '';
      } else {
        const err0 = {
          instancePath,
          schemaPath: '#/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
        };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if (coerced0 !== undefined) {
      data = coerced0;
      if (parentData !== undefined) {
        parentData[parentDataProperty] = coerced0;
      }
    }
  }
  if (typeof data === 'string') {
    if (!pattern2.test(data)) {
      const err1 = {
        instancePath,
        schemaPath: '#/pattern',
        keyword: 'pattern',
        params: { pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' },
        message:
          'must match pattern "' + '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' + '"',
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (!formats0.test(data)) {
      const err2 = {
        instancePath,
        schemaPath: '#/format',
        keyword: 'format',
        params: { format: 'uuid' },
        message: 'must match format "' + 'uuid' + '"',
      };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
  }
  validate43.errors = vErrors;
  return errors === 0;
}
function validate42(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  /*# sourceURL="urn:check:finishParticipation" */ let vErrors = null;
  let errors = 0;
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.path !== undefined) {
      let data0 = data.path;
      if (data0 && typeof data0 == 'object' && !Array.isArray(data0)) {
        if (data0.collaborationId === undefined) {
          const err0 = {
            instancePath: instancePath + '/path',
            schemaPath: '#/properties/path/required',
            keyword: 'required',
            params: { missingProperty: 'collaborationId' },
            message: "must have required property '" + 'collaborationId' + "'",
          };
          if (vErrors === null) {
            vErrors = [err0];
          } else {
            vErrors.push(err0);
          }
          errors++;
        }
        for (const key0 in data0) {
          if (!(key0 === 'collaborationId')) {
            const err1 = {
              instancePath: instancePath + '/path',
              schemaPath: '#/properties/path/additionalProperties',
              keyword: 'additionalProperties',
              params: { additionalProperty: key0 },
              message: 'must NOT have additional properties',
            };
            if (vErrors === null) {
              vErrors = [err1];
            } else {
              vErrors.push(err1);
            }
            errors++;
          }
        }
        if (data0.collaborationId !== undefined) {
          if (
            !validate43(data0.collaborationId, {
              instancePath: instancePath + '/path/collaborationId',
              parentData: data0,
              parentDataProperty: 'collaborationId',
              rootData,
            })
          ) {
            vErrors = vErrors === null ? validate43.errors : vErrors.concat(validate43.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err2 = {
          instancePath: instancePath + '/path',
          schemaPath: '#/properties/path/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.query !== undefined) {
      let data2 = data.query;
      if (data2 && typeof data2 == 'object' && !Array.isArray(data2)) {
        for (const key1 in data2) {
          const err3 = {
            instancePath: instancePath + '/query',
            schemaPath: '#/properties/query/additionalProperties',
            keyword: 'additionalProperties',
            params: { additionalProperty: key1 },
            message: 'must NOT have additional properties',
          };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
      } else {
        const err4 = {
          instancePath: instancePath + '/query',
          schemaPath: '#/properties/query/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.headers !== undefined) {
      let data3 = data.headers;
      if (data3 && typeof data3 == 'object' && !Array.isArray(data3)) {
      } else {
        const err5 = {
          instancePath: instancePath + '/headers',
          schemaPath: '#/properties/headers/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
  } else {
    const err6 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err6];
    } else {
      vErrors.push(err6);
    }
    errors++;
  }
  validate42.errors = vErrors;
  return errors === 0;
}
export const createInput = validate45;
const schema23 = {
  type: 'object',
  properties: {
    path: {
      type: 'object',
      properties: { collaborationId: { $ref: 'https://mpc.example/openapi/schemas#/$defs/Id' } },
      required: ['collaborationId'],
      additionalProperties: false,
    },
    query: { type: 'object', properties: {}, required: [], additionalProperties: false },
    headers: {
      type: 'object',
      properties: {
        'idempotency-key': { type: 'string', minLength: 1, maxLength: 255, pattern: '^[!-~]+$' },
      },
      required: [],
      additionalProperties: true,
    },
  },
  $id: 'urn:check:createInput',
};
function validate46(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (typeof data !== 'string') {
    let dataType0 = typeof data;
    let coerced0 = undefined;
    if (!(coerced0 !== undefined)) {
      if (dataType0 == 'number' || dataType0 == 'boolean') {
        coerced0 = '' + data;
      } else if (data === null) {
        coerced0 = '';
      } else {
        const err0 = {
          instancePath,
          schemaPath: '#/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
        };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if (coerced0 !== undefined) {
      data = coerced0;
      if (parentData !== undefined) {
        parentData[parentDataProperty] = coerced0;
      }
    }
  }
  if (typeof data === 'string') {
    if (!pattern2.test(data)) {
      const err1 = {
        instancePath,
        schemaPath: '#/pattern',
        keyword: 'pattern',
        params: { pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' },
        message:
          'must match pattern "' + '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' + '"',
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (!formats0.test(data)) {
      const err2 = {
        instancePath,
        schemaPath: '#/format',
        keyword: 'format',
        params: { format: 'uuid' },
        message: 'must match format "' + 'uuid' + '"',
      };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
  }
  validate46.errors = vErrors;
  return errors === 0;
}
function validate45(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  /*# sourceURL="urn:check:createInput" */ let vErrors = null;
  let errors = 0;
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.path !== undefined) {
      let data0 = data.path;
      if (data0 && typeof data0 == 'object' && !Array.isArray(data0)) {
        if (data0.collaborationId === undefined) {
          const err0 = {
            instancePath: instancePath + '/path',
            schemaPath: '#/properties/path/required',
            keyword: 'required',
            params: { missingProperty: 'collaborationId' },
            message: "must have required property '" + 'collaborationId' + "'",
          };
          if (vErrors === null) {
            vErrors = [err0];
          } else {
            vErrors.push(err0);
          }
          errors++;
        }
        for (const key0 in data0) {
          if (!(key0 === 'collaborationId')) {
            const err1 = {
              instancePath: instancePath + '/path',
              schemaPath: '#/properties/path/additionalProperties',
              keyword: 'additionalProperties',
              params: { additionalProperty: key0 },
              message: 'must NOT have additional properties',
            };
            if (vErrors === null) {
              vErrors = [err1];
            } else {
              vErrors.push(err1);
            }
            errors++;
          }
        }
        if (data0.collaborationId !== undefined) {
          if (
            !validate46(data0.collaborationId, {
              instancePath: instancePath + '/path/collaborationId',
              parentData: data0,
              parentDataProperty: 'collaborationId',
              rootData,
            })
          ) {
            vErrors = vErrors === null ? validate46.errors : vErrors.concat(validate46.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err2 = {
          instancePath: instancePath + '/path',
          schemaPath: '#/properties/path/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.query !== undefined) {
      let data2 = data.query;
      if (data2 && typeof data2 == 'object' && !Array.isArray(data2)) {
        for (const key1 in data2) {
          const err3 = {
            instancePath: instancePath + '/query',
            schemaPath: '#/properties/query/additionalProperties',
            keyword: 'additionalProperties',
            params: { additionalProperty: key1 },
            message: 'must NOT have additional properties',
          };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
      } else {
        const err4 = {
          instancePath: instancePath + '/query',
          schemaPath: '#/properties/query/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.headers !== undefined) {
      let data3 = data.headers;
      if (data3 && typeof data3 == 'object' && !Array.isArray(data3)) {
        if (data3['idempotency-key'] !== undefined) {
          let data4 = data3['idempotency-key'];
          if (typeof data4 !== 'string') {
            let dataType0 = typeof data4;
            let coerced0 = undefined;
            if (!(coerced0 !== undefined)) {
              if (dataType0 == 'number' || dataType0 == 'boolean') {
                coerced0 = '' + data4;
              } else if (data4 === null) {
                coerced0 = '';
              } else {
                const err5 = {
                  instancePath: instancePath + '/headers/idempotency-key',
                  schemaPath: '#/properties/headers/properties/idempotency-key/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                };
                if (vErrors === null) {
                  vErrors = [err5];
                } else {
                  vErrors.push(err5);
                }
                errors++;
              }
            }
            if (coerced0 !== undefined) {
              data4 = coerced0;
              if (data3 !== undefined) {
                data3['idempotency-key'] = coerced0;
              }
            }
          }
          if (typeof data4 === 'string') {
            if (func2(data4) > 255) {
              const err6 = {
                instancePath: instancePath + '/headers/idempotency-key',
                schemaPath: '#/properties/headers/properties/idempotency-key/maxLength',
                keyword: 'maxLength',
                params: { limit: 255 },
                message: 'must NOT have more than 255 characters',
              };
              if (vErrors === null) {
                vErrors = [err6];
              } else {
                vErrors.push(err6);
              }
              errors++;
            }
            if (func2(data4) < 1) {
              const err7 = {
                instancePath: instancePath + '/headers/idempotency-key',
                schemaPath: '#/properties/headers/properties/idempotency-key/minLength',
                keyword: 'minLength',
                params: { limit: 1 },
                message: 'must NOT have fewer than 1 characters',
              };
              if (vErrors === null) {
                vErrors = [err7];
              } else {
                vErrors.push(err7);
              }
              errors++;
            }
            if (!pattern1.test(data4)) {
              const err8 = {
                instancePath: instancePath + '/headers/idempotency-key',
                schemaPath: '#/properties/headers/properties/idempotency-key/pattern',
                keyword: 'pattern',
                params: { pattern: '^[!-~]+$' },
                message: 'must match pattern "' + '^[!-~]+$' + '"',
              };
              if (vErrors === null) {
                vErrors = [err8];
              } else {
                vErrors.push(err8);
              }
              errors++;
            }
          }
        }
      } else {
        const err9 = {
          instancePath: instancePath + '/headers',
          schemaPath: '#/properties/headers/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
  } else {
    const err10 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err10];
    } else {
      vErrors.push(err10);
    }
    errors++;
  }
  validate45.errors = vErrors;
  return errors === 0;
}
export const completeInput = validate48;
const schema25 = {
  type: 'object',
  properties: {
    path: {
      type: 'object',
      properties: {
        collaborationId: { $ref: 'https://mpc.example/openapi/schemas#/$defs/Id' },
        inputId: { $ref: 'https://mpc.example/openapi/schemas#/$defs/Id' },
      },
      required: ['collaborationId', 'inputId'],
      additionalProperties: false,
    },
    query: { type: 'object', properties: {}, required: [], additionalProperties: false },
    headers: { type: 'object', properties: {}, required: [], additionalProperties: true },
  },
  $id: 'urn:check:completeInput',
};
function validate49(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (typeof data !== 'string') {
    let dataType0 = typeof data;
    let coerced0 = undefined;
    if (!(coerced0 !== undefined)) {
      if (dataType0 == 'number' || dataType0 == 'boolean') {
        coerced0 = '' + data;
      } else if (data === null) {
        coerced0 = '';
      } else {
        const err0 = {
          instancePath,
          schemaPath: '#/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
        };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if (coerced0 !== undefined) {
      data = coerced0;
      if (parentData !== undefined) {
        parentData[parentDataProperty] = coerced0;
      }
    }
  }
  if (typeof data === 'string') {
    if (!pattern2.test(data)) {
      const err1 = {
        instancePath,
        schemaPath: '#/pattern',
        keyword: 'pattern',
        params: { pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' },
        message:
          'must match pattern "' + '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' + '"',
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (!formats0.test(data)) {
      const err2 = {
        instancePath,
        schemaPath: '#/format',
        keyword: 'format',
        params: { format: 'uuid' },
        message: 'must match format "' + 'uuid' + '"',
      };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
  }
  validate49.errors = vErrors;
  return errors === 0;
}
function validate48(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  /*# sourceURL="urn:check:completeInput" */ let vErrors = null;
  let errors = 0;
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.path !== undefined) {
      let data0 = data.path;
      if (data0 && typeof data0 == 'object' && !Array.isArray(data0)) {
        if (data0.collaborationId === undefined) {
          const err0 = {
            instancePath: instancePath + '/path',
            schemaPath: '#/properties/path/required',
            keyword: 'required',
            params: { missingProperty: 'collaborationId' },
            message: "must have required property '" + 'collaborationId' + "'",
          };
          if (vErrors === null) {
            vErrors = [err0];
          } else {
            vErrors.push(err0);
          }
          errors++;
        }
        if (data0.inputId === undefined) {
          const err1 = {
            instancePath: instancePath + '/path',
            schemaPath: '#/properties/path/required',
            keyword: 'required',
            params: { missingProperty: 'inputId' },
            message: "must have required property '" + 'inputId' + "'",
          };
          if (vErrors === null) {
            vErrors = [err1];
          } else {
            vErrors.push(err1);
          }
          errors++;
        }
        for (const key0 in data0) {
          if (!(key0 === 'collaborationId' || key0 === 'inputId')) {
            const err2 = {
              instancePath: instancePath + '/path',
              schemaPath: '#/properties/path/additionalProperties',
              keyword: 'additionalProperties',
              params: { additionalProperty: key0 },
              message: 'must NOT have additional properties',
            };
            if (vErrors === null) {
              vErrors = [err2];
            } else {
              vErrors.push(err2);
            }
            errors++;
          }
        }
        if (data0.collaborationId !== undefined) {
          if (
            !validate49(data0.collaborationId, {
              instancePath: instancePath + '/path/collaborationId',
              parentData: data0,
              parentDataProperty: 'collaborationId',
              rootData,
            })
          ) {
            vErrors = vErrors === null ? validate49.errors : vErrors.concat(validate49.errors);
            errors = vErrors.length;
          }
        }
        if (data0.inputId !== undefined) {
          if (
            !validate49(data0.inputId, {
              instancePath: instancePath + '/path/inputId',
              parentData: data0,
              parentDataProperty: 'inputId',
              rootData,
            })
          ) {
            vErrors = vErrors === null ? validate49.errors : vErrors.concat(validate49.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err3 = {
          instancePath: instancePath + '/path',
          schemaPath: '#/properties/path/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.query !== undefined) {
      let data3 = data.query;
      if (data3 && typeof data3 == 'object' && !Array.isArray(data3)) {
        for (const key1 in data3) {
          const err4 = {
            instancePath: instancePath + '/query',
            schemaPath: '#/properties/query/additionalProperties',
            keyword: 'additionalProperties',
            params: { additionalProperty: key1 },
            message: 'must NOT have additional properties',
          };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      } else {
        const err5 = {
          instancePath: instancePath + '/query',
          schemaPath: '#/properties/query/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.headers !== undefined) {
      let data4 = data.headers;
      if (data4 && typeof data4 == 'object' && !Array.isArray(data4)) {
      } else {
        const err6 = {
          instancePath: instancePath + '/headers',
          schemaPath: '#/properties/headers/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
  } else {
    const err7 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err7];
    } else {
      vErrors.push(err7);
    }
    errors++;
  }
  validate48.errors = vErrors;
  return errors === 0;
}
export const getResult = validate52;
const schema27 = {
  type: 'object',
  properties: {
    path: {
      type: 'object',
      properties: { collaborationId: { $ref: 'https://mpc.example/openapi/schemas#/$defs/Id' } },
      required: ['collaborationId'],
      additionalProperties: false,
    },
    query: { type: 'object', properties: {}, required: [], additionalProperties: false },
    headers: { type: 'object', properties: {}, required: [], additionalProperties: true },
  },
  $id: 'urn:check:getResult',
};
function validate53(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (typeof data !== 'string') {
    let dataType0 = typeof data;
    let coerced0 = undefined;
    if (!(coerced0 !== undefined)) {
      if (dataType0 == 'number' || dataType0 == 'boolean') {
        coerced0 = '' + data;
      } else if (data === null) {
        coerced0 = '';
      } else {
        const err0 = {
          instancePath,
          schemaPath: '#/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
        };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if (coerced0 !== undefined) {
      data = coerced0;
      if (parentData !== undefined) {
        parentData[parentDataProperty] = coerced0;
      }
    }
  }
  if (typeof data === 'string') {
    if (!pattern2.test(data)) {
      const err1 = {
        instancePath,
        schemaPath: '#/pattern',
        keyword: 'pattern',
        params: { pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' },
        message:
          'must match pattern "' + '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' + '"',
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (!formats0.test(data)) {
      const err2 = {
        instancePath,
        schemaPath: '#/format',
        keyword: 'format',
        params: { format: 'uuid' },
        message: 'must match format "' + 'uuid' + '"',
      };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
  }
  validate53.errors = vErrors;
  return errors === 0;
}
function validate52(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  /*# sourceURL="urn:check:getResult" */ let vErrors = null;
  let errors = 0;
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.path !== undefined) {
      let data0 = data.path;
      if (data0 && typeof data0 == 'object' && !Array.isArray(data0)) {
        if (data0.collaborationId === undefined) {
          const err0 = {
            instancePath: instancePath + '/path',
            schemaPath: '#/properties/path/required',
            keyword: 'required',
            params: { missingProperty: 'collaborationId' },
            message: "must have required property '" + 'collaborationId' + "'",
          };
          if (vErrors === null) {
            vErrors = [err0];
          } else {
            vErrors.push(err0);
          }
          errors++;
        }
        for (const key0 in data0) {
          if (!(key0 === 'collaborationId')) {
            const err1 = {
              instancePath: instancePath + '/path',
              schemaPath: '#/properties/path/additionalProperties',
              keyword: 'additionalProperties',
              params: { additionalProperty: key0 },
              message: 'must NOT have additional properties',
            };
            if (vErrors === null) {
              vErrors = [err1];
            } else {
              vErrors.push(err1);
            }
            errors++;
          }
        }
        if (data0.collaborationId !== undefined) {
          if (
            !validate53(data0.collaborationId, {
              instancePath: instancePath + '/path/collaborationId',
              parentData: data0,
              parentDataProperty: 'collaborationId',
              rootData,
            })
          ) {
            vErrors = vErrors === null ? validate53.errors : vErrors.concat(validate53.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err2 = {
          instancePath: instancePath + '/path',
          schemaPath: '#/properties/path/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.query !== undefined) {
      let data2 = data.query;
      if (data2 && typeof data2 == 'object' && !Array.isArray(data2)) {
        for (const key1 in data2) {
          const err3 = {
            instancePath: instancePath + '/query',
            schemaPath: '#/properties/query/additionalProperties',
            keyword: 'additionalProperties',
            params: { additionalProperty: key1 },
            message: 'must NOT have additional properties',
          };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
      } else {
        const err4 = {
          instancePath: instancePath + '/query',
          schemaPath: '#/properties/query/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.headers !== undefined) {
      let data3 = data.headers;
      if (data3 && typeof data3 == 'object' && !Array.isArray(data3)) {
      } else {
        const err5 = {
          instancePath: instancePath + '/headers',
          schemaPath: '#/properties/headers/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
  } else {
    const err6 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err6];
    } else {
      vErrors.push(err6);
    }
    errors++;
  }
  validate52.errors = vErrors;
  return errors === 0;
}
