// The result schemas of four seed activity types as GET /api/v1/activity-descriptors served them (copied for the unit tests).

import type { JsonSchema } from './resultForm';

export const resultSchemas: Record<string, JsonSchema> = {
 "Campaign.Meeting": {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "title": "Meeting",
  "description": "Hold and record a meeting: mobilization, study, organizational life, democratic life, work or review meeting.",
  "x-displayNames": {
   "en": "Meeting",
   "zh-CN": "会议"
  },
  "x-activityType": "Campaign.Meeting",
  "type": "object",
  "properties": {
   "heldOn": {
    "type": "string",
    "format": "date",
    "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
    "title": "Held on",
    "x-displayNames": {
     "en": "Held on",
     "zh-CN": "召开日期"
    },
    "x-dataType": "date"
   },
   "attendees": {
    "type": "integer",
    "title": "Attendees",
    "x-displayNames": {
     "en": "Attendees",
     "zh-CN": "参会人数"
    },
    "x-dataType": "integer",
    "x-unit": "people",
    "x-unitDisplayNames": {
      "en": "people",
      "zh-CN": "人"
    },
    "minimum": 0
   },
   "minutes": {
    "type": "array",
    "items": {
     "$ref": "#/$defs/document"
    },
    "title": "Minutes",
    "x-displayNames": {
     "en": "Minutes",
     "zh-CN": "会议记录"
    },
    "x-dataType": "documents"
   },
   "decisions": {
    "type": "string",
    "title": "Decisions",
    "x-displayNames": {
     "en": "Decisions",
     "zh-CN": "会议决定"
    },
    "x-dataType": "text"
   },
   "problemsIdentified": {
    "type": "integer",
    "title": "Problems identified",
    "x-displayNames": {
     "en": "Problems identified",
     "zh-CN": "查摆问题数"
    },
    "x-dataType": "integer",
    "x-unit": "problems",
    "x-unitDisplayNames": {
      "en": "problems",
      "zh-CN": "个"
    },
    "minimum": 0
   },
   "findings": {
    "type": "array",
    "items": {
     "$ref": "#/$defs/finding"
    },
    "title": "Findings",
    "x-displayNames": {
     "en": "Findings",
     "zh-CN": "发现的问题"
    },
    "x-dataType": "findings"
   },
   "outcome": {
    "type": "string",
    "title": "Outcome",
    "x-displayNames": {
     "en": "Outcome",
     "zh-CN": "办理结果"
    },
    "readOnly": true,
    "enum": [
     "Done"
    ],
    "x-enumDisplayNames": {
     "Done": {
      "en": "Done",
      "zh-CN": "完成"
     }
    }
   }
  },
  "required": [
   "heldOn"
  ],
  "additionalProperties": false,
  "$defs": {
   "document": {
    "type": "object",
    "properties": {
     "uri": {
      "type": "string",
      "minLength": 1,
      "pattern": "\\S",
      "title": "Link",
      "x-displayNames": {
       "en": "Link",
       "zh-CN": "链接"
      }
     },
     "sha256": {
      "type": "string",
      "pattern": "^[0-9a-fA-F]{64}$",
      "title": "SHA-256",
      "x-displayNames": {
       "en": "SHA-256",
       "zh-CN": "SHA-256 校验值"
      }
     },
     "title": {
      "type": "string",
      "title": "Title",
      "x-displayNames": {
       "en": "Title",
       "zh-CN": "标题"
      }
     }
    },
    "required": [
     "uri",
     "sha256"
    ],
    "additionalProperties": false
   },
   "finding": {
    "type": "object",
    "properties": {
     "title": {
      "type": "string",
      "minLength": 1,
      "pattern": "\\S",
      "title": "Title",
      "x-displayNames": {
       "en": "Title",
       "zh-CN": "问题"
      }
     },
     "kind": {
      "type": "string",
      "enum": [
       "opinion",
       "problem",
       "suggestion"
      ],
      "x-enumDisplayNames": {
       "opinion": {
        "en": "Opinion",
        "zh-CN": "意见"
       },
       "problem": {
        "en": "Problem",
        "zh-CN": "问题"
       },
       "suggestion": {
        "en": "Suggestion",
        "zh-CN": "建议"
       }
      },
      "title": "Kind",
      "x-displayNames": {
       "en": "Kind",
       "zh-CN": "类别"
      }
     },
     "office": {
      "type": "string",
      "title": "Responsible office",
      "x-displayNames": {
       "en": "Responsible office",
       "zh-CN": "责任科室"
      }
     },
     "owner": {
      "type": "string",
      "title": "Owner",
      "x-displayNames": {
       "en": "Owner",
       "zh-CN": "责任人"
      }
     },
     "deadline": {
      "type": "string",
      "format": "date",
      "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
      "title": "Deadline",
      "x-displayNames": {
       "en": "Deadline",
       "zh-CN": "整改时限"
      }
     },
     "detail": {
      "type": "string",
      "title": "Detail",
      "x-displayNames": {
       "en": "Detail",
       "zh-CN": "具体情况"
      }
     }
    },
    "required": [
     "title"
    ],
    "additionalProperties": false
   }
  }
 },
 "Campaign.Review": {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "title": "Review",
  "description": "A reviewer reads a document and either approves it or requests changes; the outcome chooses the way on.",
  "x-displayNames": {
   "en": "Review",
   "zh-CN": "审阅"
  },
  "x-activityType": "Campaign.Review",
  "type": "object",
  "properties": {
   "reviewedOn": {
    "type": "string",
    "format": "date",
    "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
    "title": "Reviewed on",
    "x-displayNames": {
     "en": "Reviewed on",
     "zh-CN": "审阅日期"
    },
    "x-dataType": "date"
   },
   "comments": {
    "type": "string",
    "title": "Comments",
    "x-displayNames": {
     "en": "Comments",
     "zh-CN": "审阅意见"
    },
    "x-dataType": "text"
   },
   "commentCount": {
    "type": "integer",
    "title": "Number of comments",
    "x-displayNames": {
     "en": "Number of comments",
     "zh-CN": "意见条数"
    },
    "x-dataType": "integer",
    "x-unit": "comments",
    "x-unitDisplayNames": {
      "en": "comments",
      "zh-CN": "条"
    },
    "minimum": 0
   },
   "outcome": {
    "type": "string",
    "title": "Outcome",
    "x-displayNames": {
     "en": "Outcome",
     "zh-CN": "办理结果"
    },
    "readOnly": true,
    "enum": [
     "Approved",
     "ChangesRequested"
    ],
    "x-enumDisplayNames": {
     "Approved": {
      "en": "Approved",
      "zh-CN": "通过"
     },
     "ChangesRequested": {
      "en": "Changes requested",
      "zh-CN": "需修改"
     }
    }
   }
  },
  "additionalProperties": false
 },
 "Campaign.OpinionCollection": {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "title": "Opinion collection",
  "description": "Collect opinions and suggestions through boxes, opinion forms and visits; record how many were received, resolved and consolidated.",
  "x-displayNames": {
   "en": "Opinion collection",
   "zh-CN": "征求意见"
  },
  "x-activityType": "Campaign.OpinionCollection",
  "type": "object",
  "properties": {
   "suggestionsReceived": {
    "type": "integer",
    "title": "Suggestions received",
    "x-displayNames": {
     "en": "Suggestions received",
     "zh-CN": "收到意见建议数"
    },
    "x-dataType": "integer",
    "x-unit": "suggestions",
    "x-unitDisplayNames": {
      "en": "suggestions",
      "zh-CN": "条"
    },
    "minimum": 0
   },
   "suggestionsResolved": {
    "type": "integer",
    "title": "Suggestions resolved",
    "x-displayNames": {
     "en": "Suggestions resolved",
     "zh-CN": "已解决数"
    },
    "x-dataType": "integer",
    "x-unit": "suggestions",
    "x-unitDisplayNames": {
      "en": "suggestions",
      "zh-CN": "条"
    },
    "minimum": 0
   },
   "suggestionsPending": {
    "type": "integer",
    "title": "Suggestions pending",
    "x-displayNames": {
     "en": "Suggestions pending",
     "zh-CN": "待解决数"
    },
    "x-dataType": "integer",
    "x-unit": "suggestions",
    "x-unitDisplayNames": {
      "en": "suggestions",
      "zh-CN": "条"
    },
    "minimum": 0
   },
   "formsIssued": {
    "type": "integer",
    "title": "Opinion forms issued",
    "x-displayNames": {
     "en": "Opinion forms issued",
     "zh-CN": "发放征求意见表数"
    },
    "x-dataType": "integer",
    "x-unit": "forms",
    "x-unitDisplayNames": {
      "en": "forms",
      "zh-CN": "份"
    },
    "minimum": 0
   },
   "formsReturned": {
    "type": "integer",
    "title": "Opinion forms returned",
    "x-displayNames": {
     "en": "Opinion forms returned",
     "zh-CN": "回收征求意见表数"
    },
    "x-dataType": "integer",
    "x-unit": "forms",
    "x-unitDisplayNames": {
      "en": "forms",
      "zh-CN": "份"
    },
    "minimum": 0
   },
   "anonymousRespondents": {
    "type": "integer",
    "title": "Anonymous respondents",
    "x-displayNames": {
     "en": "Anonymous respondents",
     "zh-CN": "匿名填表人数"
    },
    "x-dataType": "integer",
    "x-unit": "people",
    "x-unitDisplayNames": {
      "en": "people",
      "zh-CN": "人"
    },
    "minimum": 0
   },
   "opinionsOnTeamRaw": {
    "type": "integer",
    "title": "Opinions on the leadership team",
    "x-displayNames": {
     "en": "Opinions on the leadership team",
     "zh-CN": "对领导班子的意见数"
    },
    "x-dataType": "integer",
    "x-unit": "opinions",
    "x-unitDisplayNames": {
      "en": "opinions",
      "zh-CN": "条"
    },
    "minimum": 0
   },
   "opinionsOnTeamConsolidated": {
    "type": "integer",
    "title": "Opinions on the team, consolidated",
    "x-displayNames": {
     "en": "Opinions on the team, consolidated",
     "zh-CN": "对领导班子的意见数（归纳后）"
    },
    "x-dataType": "integer",
    "x-unit": "opinions",
    "x-unitDisplayNames": {
      "en": "opinions",
      "zh-CN": "条"
    },
    "minimum": 0
   },
   "opinionsOnMembersRaw": {
    "type": "integer",
    "title": "Opinions on team members",
    "x-displayNames": {
     "en": "Opinions on team members",
     "zh-CN": "对班子成员的意见数"
    },
    "x-dataType": "integer",
    "x-unit": "opinions",
    "x-unitDisplayNames": {
      "en": "opinions",
      "zh-CN": "条"
    },
    "minimum": 0
   },
   "opinionsOnMembersConsolidated": {
    "type": "integer",
    "title": "Opinions on members, consolidated",
    "x-displayNames": {
     "en": "Opinions on members, consolidated",
     "zh-CN": "对班子成员的意见数（归纳后）"
    },
    "x-dataType": "integer",
    "x-unit": "opinions",
    "x-unitDisplayNames": {
      "en": "opinions",
      "zh-CN": "条"
    },
    "minimum": 0
   },
   "formReturnRate": {
    "type": "number",
    "title": "Form return rate",
    "x-displayNames": {
     "en": "Form return rate",
     "zh-CN": "意见表回收率"
    },
    "x-dataType": "number",
    "x-unit": "ratio",
    "minimum": 0,
    "maximum": 1,
    "readOnly": true,
    "x-derived": {
     "numerator": "formsReturned",
     "denominator": "formsIssued"
    }
   },
   "suggestionResolutionRate": {
    "type": "number",
    "title": "Suggestion resolution rate",
    "x-displayNames": {
     "en": "Suggestion resolution rate",
     "zh-CN": "意见建议解决率"
    },
    "x-dataType": "number",
    "x-unit": "ratio",
    "minimum": 0,
    "maximum": 1,
    "readOnly": true,
    "x-derived": {
     "numerator": "suggestionsResolved",
     "denominator": "suggestionsReceived"
    }
   },
   "findings": {
    "type": "array",
    "items": {
     "$ref": "#/$defs/finding"
    },
    "title": "Findings",
    "x-displayNames": {
     "en": "Findings",
     "zh-CN": "发现的问题"
    },
    "x-dataType": "findings"
   },
   "outcome": {
    "type": "string",
    "title": "Outcome",
    "x-displayNames": {
     "en": "Outcome",
     "zh-CN": "办理结果"
    },
    "readOnly": true,
    "enum": [
     "Done"
    ],
    "x-enumDisplayNames": {
     "Done": {
      "en": "Done",
      "zh-CN": "完成"
     }
    }
   }
  },
  "additionalProperties": false,
  "$defs": {
   "finding": {
    "type": "object",
    "properties": {
     "title": {
      "type": "string",
      "minLength": 1,
      "pattern": "\\S",
      "title": "Title",
      "x-displayNames": {
       "en": "Title",
       "zh-CN": "问题"
      }
     },
     "kind": {
      "type": "string",
      "enum": [
       "opinion",
       "problem",
       "suggestion"
      ],
      "x-enumDisplayNames": {
       "opinion": {
        "en": "Opinion",
        "zh-CN": "意见"
       },
       "problem": {
        "en": "Problem",
        "zh-CN": "问题"
       },
       "suggestion": {
        "en": "Suggestion",
        "zh-CN": "建议"
       }
      },
      "title": "Kind",
      "x-displayNames": {
       "en": "Kind",
       "zh-CN": "类别"
      }
     },
     "office": {
      "type": "string",
      "title": "Responsible office",
      "x-displayNames": {
       "en": "Responsible office",
       "zh-CN": "责任科室"
      }
     },
     "owner": {
      "type": "string",
      "title": "Owner",
      "x-displayNames": {
       "en": "Owner",
       "zh-CN": "责任人"
      }
     },
     "deadline": {
      "type": "string",
      "format": "date",
      "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
      "title": "Deadline",
      "x-displayNames": {
       "en": "Deadline",
       "zh-CN": "整改时限"
      }
     },
     "detail": {
      "type": "string",
      "title": "Detail",
      "x-displayNames": {
       "en": "Detail",
       "zh-CN": "具体情况"
      }
     }
    },
    "required": [
     "title"
    ],
    "additionalProperties": false
   }
  },
  "x-rules": [
   {
    "code": "suggestionsSettledWithinReceived",
    "fields": [
     "suggestionsResolved",
     "suggestionsPending"
    ],
    "limit": "suggestionsReceived",
    "messages": {
     "en": "{suggestionsResolved} resolved and {suggestionsPending} pending suggestions exceed the {suggestionsReceived} received.",
     "zh-CN": "已解决（{suggestionsResolved}）与待解决（{suggestionsPending}）的意见建议之和不能超过收到的总数（{suggestionsReceived}）。"
    }
   },
   {
    "code": "formsReturnedWithinIssued",
    "fields": [
     "formsReturned"
    ],
    "limit": "formsIssued",
    "messages": {
     "en": "{formsReturned} forms returned exceed the {formsIssued} issued.",
     "zh-CN": "回收的征求意见表数（{formsReturned}）不能超过发放数（{formsIssued}）。"
    }
   },
   {
    "code": "teamOpinionsConsolidatedWithinRaw",
    "fields": [
     "opinionsOnTeamConsolidated"
    ],
    "limit": "opinionsOnTeamRaw",
    "messages": {
     "en": "{opinionsOnTeamConsolidated} consolidated opinions on the team exceed the {opinionsOnTeamRaw} collected.",
     "zh-CN": "归纳后的对领导班子意见数（{opinionsOnTeamConsolidated}）不能超过原始意见数（{opinionsOnTeamRaw}）。"
    }
   },
   {
    "code": "memberOpinionsConsolidatedWithinRaw",
    "fields": [
     "opinionsOnMembersConsolidated"
    ],
    "limit": "opinionsOnMembersRaw",
    "messages": {
     "en": "{opinionsOnMembersConsolidated} consolidated opinions on members exceed the {opinionsOnMembersRaw} collected.",
     "zh-CN": "归纳后的对班子成员意见数（{opinionsOnMembersConsolidated}）不能超过原始意见数（{opinionsOnMembersRaw}）。"
    }
   }
  ]
 },
 "Campaign.Appraisal": {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "title": "Mass appraisal",
  "description": "Participants from inside and outside the bureau rate the work; the engine computes the satisfaction rate.",
  "x-displayNames": {
   "en": "Mass appraisal",
   "zh-CN": "群众评议"
  },
  "x-activityType": "Campaign.Appraisal",
  "type": "object",
  "properties": {
   "heldOn": {
    "type": "string",
    "format": "date",
    "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
    "title": "Held on",
    "x-displayNames": {
     "en": "Held on",
     "zh-CN": "测评日期"
    },
    "x-dataType": "date"
   },
   "participants": {
    "type": "integer",
    "title": "Participants",
    "x-displayNames": {
     "en": "Participants",
     "zh-CN": "参评人数"
    },
    "x-dataType": "integer",
    "x-unit": "people",
    "x-unitDisplayNames": {
      "en": "people",
      "zh-CN": "人"
    },
    "minimum": 1
   },
   "satisfied": {
    "type": "integer",
    "title": "Satisfied",
    "x-displayNames": {
     "en": "Satisfied",
     "zh-CN": "满意人数"
    },
    "x-dataType": "integer",
    "x-unit": "people",
    "x-unitDisplayNames": {
      "en": "people",
      "zh-CN": "人"
    },
    "minimum": 0
   },
   "satisfaction": {
    "type": "number",
    "title": "Satisfaction rate",
    "x-displayNames": {
     "en": "Satisfaction rate",
     "zh-CN": "满意率"
    },
    "x-dataType": "number",
    "x-unit": "ratio",
    "minimum": 0,
    "maximum": 1,
    "readOnly": true,
    "x-derived": {
     "numerator": "satisfied",
     "denominator": "participants"
    }
   },
   "participantGroups": {
    "type": "array",
    "title": "Participant groups",
    "x-displayNames": {
     "en": "Participant groups",
     "zh-CN": "参评人员构成"
    },
    "x-dataType": "array"
   },
   "outcome": {
    "type": "string",
    "title": "Outcome",
    "x-displayNames": {
     "en": "Outcome",
     "zh-CN": "办理结果"
    },
    "readOnly": true,
    "enum": [
     "Done"
    ],
    "x-enumDisplayNames": {
     "Done": {
      "en": "Done",
      "zh-CN": "完成"
     }
    }
   }
  },
  "required": [
   "participants",
   "satisfied"
  ],
  "additionalProperties": false,
  "x-rules": [
   {
    "code": "satisfiedWithinParticipants",
    "fields": [
     "satisfied"
    ],
    "limit": "participants",
    "messages": {
     "en": "{satisfied} satisfied participants exceed the {participants} who took part.",
     "zh-CN": "满意人数（{satisfied}）不能超过参评人数（{participants}）。"
    }
   }
  ]
 }
};
